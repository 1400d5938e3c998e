/**
 * How many files a build step reads, stats or removes at once. Unbounded (`Promise.all` over
 * every file), libuv queues every open before any read, so a 50,000-analysis folder held 50,000
 * descriptors and Astro's own writes failed with EMFILE under the usual limits; 64 keeps the
 * disk as busy as thousands would and stays far under any limit.
 */
export const FILES_AT_ONCE = 64;
