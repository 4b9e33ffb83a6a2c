import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    react(),
    // An installable app that works with no network after the first visit: everything the game
    // needs is precached, and a new version waits for the player's agreement (src/pwa/).
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/*.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        id: '/',
        name: 'PPI Quest',
        short_name: 'PPI Quest',
        description: 'A game that trains public procurement of innovation.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#f6f7f9',
        theme_color: '#12355b',
        categories: ['education', 'games'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        // All of the game: code (Phaser and the storage fallback are lazy chunks), styles, art,
        // scenarios and translations, fonts and sound if any. Source maps are not needed to play.
        globPatterns: ['**/*.{js,css,html,svg,png,webp,ico,webmanifest,json,woff2,ogg,mp3,m4a,wav}'],
        globIgnores: ['**/*.map', '.vite/**'],
        // The Phaser chunk is about 1.3 MB; Workbox refuses files over 2 MiB by default.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        clientsClaim: false,
        skipWaiting: false,
        // A source map of the service worker doubles its build time and nobody debugs it offline.
        sourcemap: false,
      },
    }),
  ],
  resolve: {
    alias: [
      // A lean Phaser built from its sources with only what src/game uses (src/game/phaser-lean.cjs).
      // TypeScript types still come from the phaser package.
      {
        find: /^phaser$/,
        replacement: fileURLToPath(new URL('./src/game/phaser-lean.cjs', import.meta.url)),
      },
    ],
  },
  // Phaser's build-time flags (as its own webpack build defines them): both renderers, no sound,
  // no WebGL debugging, no experimental features, no Camera3D or Facebook Instant Games plugins.
  define: {
    'typeof CANVAS_RENDERER': JSON.stringify(true),
    'typeof WEBGL_RENDERER': JSON.stringify(true),
    'typeof WEBGL_DEBUG': JSON.stringify(false),
    'typeof EXPERIMENTAL': JSON.stringify(false),
    'typeof FEATURE_SOUND': JSON.stringify(false),
    'typeof PLUGIN_CAMERA3D': JSON.stringify(false),
    'typeof PLUGIN_FBINSTANT': JSON.stringify(false),
  },
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  preview: {
    host: 'localhost',
  },
});
