/**
 * Industry fields, following the priority industries named in the city plans in
 * ../shared/seeds (Yangzhou, Changzhou, Changzhi, Wenzhou). Codes are stable identifiers;
 * labels are what users see. Later issues add industry chains under each field.
 */
export const industries = [
  { code: 'new_energy', zh: '新能源', en: 'New energy' },
  { code: 'new_materials', zh: '新材料', en: 'New materials' },
  { code: 'biomedicine', zh: '生物医药', en: 'Biomedicine' },
  { code: 'intelligent_manufacturing', zh: '智能制造', en: 'Intelligent manufacturing' },
  { code: 'semiconductor_optoelectronics', zh: '半导体光电', en: 'Semiconductors & optoelectronics' },
  { code: 'hydrogen', zh: '氢能', en: 'Hydrogen energy' },
  { code: 'modern_coal_chemicals', zh: '现代煤化工', en: 'Modern coal chemicals' },
  { code: 'equipment_manufacturing', zh: '高端装备', en: 'High-end equipment' },
  { code: 'information_technology', zh: '新一代信息技术', en: 'Next-generation IT' },
  { code: 'automotive', zh: '汽车及零部件', en: 'Automotive & parts' },
  { code: 'medical_devices', zh: '医疗器械', en: 'Medical devices' },
  { code: 'energy_saving', zh: '节能环保', en: 'Energy saving & environment' },
] as const;

export type IndustryCode = (typeof industries)[number]['code'];
export const industryCodes = industries.map((i) => i.code) as [IndustryCode, ...IndustryCode[]];
