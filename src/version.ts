declare const __ADDON_VERSION__: string | undefined;

/** The add-on version, from package.json, stamped in by the build ("dev" when run from sources). */
export const ADDON_VERSION: string = typeof __ADDON_VERSION__ === 'string' ? __ADDON_VERSION__ : 'dev';
