/**
 * The graph explorer page: search, canvas, expansion, paths, date range, details, exports, shareable
 * links. Talks to the server only through the public GraphQL API (./queries.ts). The page's state is in
 * ./state.ts; each part of the page is a module with an `install…` function, called here once.
 */
import { installAddArticle } from './addArticle';
import { installCanvas } from './canvas';
import { installDetails } from './details';
import { installDuplicates } from './duplicates';
import { installExportMenu } from './exportMenu';
import { installFilters } from './filters';
import { installKeyDialog } from './keyDialog';
import { installLanguage } from './language';
import { installLabels } from './labels';
import { installNodeMenu } from './nodeMenu';
import { installPathBox } from './pathBox';
import { installPathTypes } from './pathTypes';
import { installProgress } from './progress';
import { installReader } from './reader';
import { installScriptHandle } from './scriptHandle';
import { installSearch } from './search';
import { installStyleBox } from './styleBox';
import { setLastHash, setReady, VOCAB } from './state';
import { installTimeline } from './timeline';
import { installToolbar } from './toolbar';
import { installUrlState, restore } from './urlState';
import { decodeView, EMPTY_VIEW } from './viewState';

installLanguage();
installProgress();
installFilters();
installCanvas();
installLabels();
installPathBox();
installPathTypes();
installNodeMenu();
installDetails();
installReader();
installSearch();
installToolbar();
installTimeline();
installStyleBox();
installExportMenu();
installKeyDialog();
installAddArticle();
installDuplicates();
installUrlState();
installScriptHandle();

void (async () => {
  const initial = location.hash ? decodeView(location.hash, VOCAB) : EMPTY_VIEW;
  setLastHash(location.hash);
  await restore(initial);
  setReady();
  document.body.dataset.ready = 'true';
})();
