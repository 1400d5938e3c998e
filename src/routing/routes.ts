/**
 * The routes as the pages use them: each page's getStaticPaths is an entry of `routes` (its
 * paths from route-data.ts on the build's site model), and a page without parameters gets its
 * data from `singles`. This and src/routing/site.ts are the only modules of the site that reach the
 * content layer.
 */
import { DEV_SERVER } from '../lib/dev-server.ts';
import { getSiteModel } from './site.ts';
import { routeData, singleData } from './route-data.ts';

export type { ListingData, ListingPage, PageData, RouteProps, TopicCount } from './route-data.ts';

/** Route name -> its getStaticPaths. */
type Routes = { [R in keyof typeof routeData]: () => Promise<ReturnType<(typeof routeData)[R]>> };

/** Route name -> its single page's data. */
type Singles = { [S in keyof typeof singleData]: () => Promise<ReturnType<(typeof singleData)[S]>> };

/**
 * Every page route's getStaticPaths, on the build's site model. `astro dev` ignores cache keys, so
 * there the paths are left unkeyed: keying reads every path's props, and the analysis route works
 * its props out only for the page served (route-data.ts, `lazyPath`).
 */
export const routes = Object.fromEntries(Object.entries(routeData).map(([name, build]) => [name, async () => (DEV_SERVER ? build.unkeyed : build)(await getSiteModel())])) as Routes;

/** The data of each page without parameters (404, open data, robots.txt). */
export const singles = Object.fromEntries(Object.entries(singleData).map(([name, build]) => [name, async () => build(await getSiteModel())])) as Singles;
