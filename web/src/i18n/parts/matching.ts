/** Messages of the matching pages (team profile, recommendations, matches and introductions), both languages; spread into zh-CN.ts and en.ts. */
export const matchingZhCN = {
  'nav.teamProfile': '团队画像',
  'nav.recommendations': '为我推荐',
  'matches.heading': '匹配与撮合',
};

export const matchingEn: Record<keyof typeof matchingZhCN, string> = {
  'nav.teamProfile': 'Team profile',
  'nav.recommendations': 'Recommended for you',
  'matches.heading': 'Matches and introductions',
};
