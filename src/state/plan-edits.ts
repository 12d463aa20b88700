/**
 * Gives the store the plan's edit functions (core/plan/edit.ts). Imported by the planner's page
 * (a lazy chunk), so edit.ts and the validators it uses are not in the home page's first load.
 */
import * as edit from '@/core/plan/edit';

import { providePlanEdits } from './store';

providePlanEdits(edit);
