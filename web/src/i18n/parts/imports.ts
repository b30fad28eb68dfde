/** Messages of the import page (teams and enterprises from Excel or CSV), both languages; spread into zh-CN.ts and en.ts. */
export const importsZhCN = {
  'nav.imports': '批量导入',
};

export const importsEn: Record<keyof typeof importsZhCN, string> = {
  'nav.imports': 'Import',
};
