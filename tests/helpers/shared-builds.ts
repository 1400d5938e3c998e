/** Sites built once per run by tests/build/global-setup.ts, for build tests that only read them. */
import { inject } from 'vitest';

declare module 'vitest' {
  /** What the build project's global setup provides. */
  export interface ProvidedContext {
    /** Output folder of the sample content's build. */
    sampleDist: string;
    /** Folder holding the small fixture site (tests/helpers/fixture-content.ts): `content/` and its build `dist/`. */
    fixtureSite: string;
  }
}

/** The sample content's built site (read it, never change it: other test files share it). */
export function sampleDist(): string {
  return inject('sampleDist');
}

/** The small fixture site: its folder holds `content/` and the built `dist/` (read only). */
export function fixtureSite(): string {
  return inject('fixtureSite');
}
