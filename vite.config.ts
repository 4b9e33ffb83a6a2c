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
      // Phaser's prebuilt bundle without Matter.js physics, which the game does not use:
      // about 33 KB less gzip than the full ESM build (341 KB instead of 374 KB).
      {
        find: /^phaser$/,
        replacement: fileURLToPath(new URL('./node_modules/phaser/dist/phaser-arcade-physics.js', import.meta.url)),
      },
    ],
  },
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  preview: {
    host: 'localhost',
  },
});
