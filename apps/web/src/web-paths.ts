import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root, found from this file whether it runs from `apps/` (tests) or `dist/apps/` (built). */
function repositoryRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'apps', 'web', 'views'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('apps/web/views not found above ' + __dirname);
    dir = parent;
  }
  return dir;
}

const root = repositoryRoot();
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`, { paths: [root] }));

export const WEB_PATHS = {
  views: path.join(root, 'apps', 'web', 'views'),
  ownAssets: path.join(root, 'apps', 'web', 'assets'),
  govukDist: path.join(packageDir('govuk-frontend'), 'dist'),
  mojPackage: packageDir('@ministryofjustice/frontend'),
};
