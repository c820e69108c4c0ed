/** H5: nothing to register (the page shows a 分享 button that copies the link instead). */
export function usePageShare(_title: string, _path: string): void {}
