/**
 * Whether this code runs under `astro dev` (mode "development"), in the server's modules and in
 * the browser scripts alike.
 *
 * Not `import.meta.env.DEV`: Vite derives that from NODE_ENV, so a build started with NODE_ENV=test
 * (the build tests) or on a host that sets NODE_ENV=development counts as dev, and such a build
 * lost its cache keys and shipped the editors' form without its content security policy.
 */
export const DEV_SERVER: boolean = import.meta.env.MODE === 'development';
