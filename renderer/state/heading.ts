/** Whether the preview should show the front-matter title above the body: the shared rule (shared/markdown/title.ts). */
export { bodyStartsWithH1, titleLayout } from '../../shared/markdown/title';
