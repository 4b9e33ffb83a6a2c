// A lean Phaser built from its own sources (vite.config.ts aliases `phaser` to this file): the core
// of phaser-core.js with exactly the game objects and features src/game uses — images, containers,
// rectangles, zones, tweens, timers, pointer input (keyboard and gamepad are off in src/game/index.ts),
// canvas textures — and no physics, sound, loader file types, text, sprites, particles, tilemaps or
// DOM elements. The build-time flags
// (`typeof WEBGL_RENDERER`, `typeof FEATURE_SOUND`, …) are defined in vite.config.ts. TypeScript
// types still come from the `phaser` package. Add a game object here before using it in src/game.
'use strict';

const CONST = require('../../node_modules/phaser/src/const');
const Extend = require('../../node_modules/phaser/src/utils/object/Extend');

// Plugins that every scene installs (plugins/DefaultPlugins.js) register themselves when required:
// a scene fails to start when one is missing.
require('../../node_modules/phaser/src/events/EventEmitter');
require('../../node_modules/phaser/src/cameras/2d/CameraManager');
require('../../node_modules/phaser/src/gameobjects/GameObjectCreator');
require('../../node_modules/phaser/src/gameobjects/GameObjectFactory');
require('../../node_modules/phaser/src/scene/ScenePlugin');
require('../../node_modules/phaser/src/gameobjects/DisplayList');
require('../../node_modules/phaser/src/gameobjects/UpdateList');
require('../../node_modules/phaser/src/time/Clock');
require('../../node_modules/phaser/src/tweens/TweenManager');
require('../../node_modules/phaser/src/gameobjects/lights/LightsPlugin');
require('../../node_modules/phaser/src/data/DataManagerPlugin');
require('../../node_modules/phaser/src/loader/LoaderPlugin');
require('../../node_modules/phaser/src/input/InputPlugin');

// Game objects register their `scene.add.*` factories when required.
require('../../node_modules/phaser/src/gameobjects/image/ImageFactory');
require('../../node_modules/phaser/src/gameobjects/container/ContainerFactory');
require('../../node_modules/phaser/src/gameobjects/shape/rectangle/RectangleFactory');
require('../../node_modules/phaser/src/gameobjects/zone/ZoneFactory');

const Phaser = Extend(
  false,
  {
    BlendModes: require('../../node_modules/phaser/src/renderer/BlendModes'),
    Cameras: { Scene2D: require('../../node_modules/phaser/src/cameras/2d') },
    Core: require('../../node_modules/phaser/src/core'),
    Events: require('../../node_modules/phaser/src/events'),
    Game: require('../../node_modules/phaser/src/core/Game'),
    GameObjects: {
      GameObject: require('../../node_modules/phaser/src/gameobjects/GameObject'),
      Image: require('../../node_modules/phaser/src/gameobjects/image/Image'),
      Container: require('../../node_modules/phaser/src/gameobjects/container/Container'),
      Rectangle: require('../../node_modules/phaser/src/gameobjects/shape/rectangle/Rectangle'),
      Zone: require('../../node_modules/phaser/src/gameobjects/zone/Zone'),
    },
    Geom: { Circle: require('../../node_modules/phaser/src/geom/circle') },
    Input: { Events: require('../../node_modules/phaser/src/input/events') },
    Renderer: require('../../node_modules/phaser/src/renderer'),
    Scale: require('../../node_modules/phaser/src/scale'),
    Scene: require('../../node_modules/phaser/src/scene/Scene'),
    Scenes: require('../../node_modules/phaser/src/scene'),
    Textures: require('../../node_modules/phaser/src/textures'),
    Time: require('../../node_modules/phaser/src/time'),
    Tweens: require('../../node_modules/phaser/src/tweens'),
  },
  CONST,
);

module.exports = Phaser;
