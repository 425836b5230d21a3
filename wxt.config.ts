import { defineConfig } from 'wxt';

/** Public half of the key that pins the Chrome extension id (see EXTENSION_ID in src/core/constants.ts). */
const MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwIPb8Lryas6Vv9VWlo7W4RIzDMJyKNijJQlpjxaVvDImKRKOJGOVjFej4wQhhVJpMqYjvO7WSB+fUShx6+DwpD0P7SAf1vCIk0rQp+Lu6GGrPtL6eSlaTGdgzUKWswWGdrjbryzkheSMUzuRAVGWIgtyZydyA/Iam5jE8gFL3JURXixAl/u4tDpbmEgx56gkE/TKXMRRYkk4isFm8HczwY0jNtx2P3ztuSBjWUKMmSzC7ZuMBpINBIMaOCd09riwGUjQcbELTVeX2P9w27T68wwK9JODr0GvKUswWsxZtjrWzjCj8s9I57hJmUbbp4wOde2NUDjkgwiSE674L2uTHQIDAQAB';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  manifest: ({ browser }) => ({
    name: 'ERA Wallet',
    description: 'Wallet and cross-rollup passport for the Caldera ecosystem, with client-side proofs.',
    // Chrome clears a copied recovery phrase from an offscreen document; Firefox's event page has a DOM.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'clipboardWrite', ...(browser === 'firefox' ? [] : ['offscreen'])],
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*', 'https://*/*'],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'wallet@era.caldera', strict_min_version: '128.0' } } }
      : { key: MANIFEST_KEY }),
  }),
});
