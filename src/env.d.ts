/** Build-time constants astro.config.ts defines for the site's code. */
interface ImportMetaEnv {
  /** The first language of content/site.yaml (served at the root). */
  readonly BAROMETER_DEFAULT_LANGUAGE?: string;
}
