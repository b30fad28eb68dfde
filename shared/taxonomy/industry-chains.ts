import type { IndustryCode } from './industries';

/**
 * Industry chain segments (产业链环节) under each industry field, as the city plans in
 * ../shared/seeds group them. A challenge names its field and one segment.
 */
export const industryChains: Record<IndustryCode, readonly { code: string; zh: string; en: string }[]> = {
  new_energy: [
    { code: 'pv_cells', zh: '光伏电池与组件', en: 'PV cells & modules' },
    { code: 'energy_storage', zh: '储能电池与系统', en: 'Energy storage' },
    { code: 'power_batteries', zh: '动力电池', en: 'Traction batteries' },
    { code: 'wind_power', zh: '风电装备', en: 'Wind power equipment' },
    { code: 'smart_grid', zh: '智能电网与电力电子', en: 'Smart grid & power electronics' },
  ],
  new_materials: [
    { code: 'advanced_polymers', zh: '先进高分子材料', en: 'Advanced polymers' },
    { code: 'composites', zh: '复合材料', en: 'Composites' },
    { code: 'metal_materials', zh: '高性能金属材料', en: 'High-performance metals' },
    { code: 'carbon_materials', zh: '碳基材料', en: 'Carbon-based materials' },
    { code: 'coatings', zh: '功能涂层与表面工程', en: 'Coatings & surface engineering' },
  ],
  biomedicine: [
    { code: 'innovative_drugs', zh: '创新药', en: 'Innovative drugs' },
    { code: 'biologics', zh: '生物制品', en: 'Biologics' },
    { code: 'api_process', zh: '原料药与制剂工艺', en: 'API & formulation process' },
    { code: 'tcm', zh: '现代中药', en: 'Modern TCM' },
  ],
  intelligent_manufacturing: [
    { code: 'industrial_robots', zh: '工业机器人', en: 'Industrial robots' },
    { code: 'machine_vision', zh: '机器视觉与检测', en: 'Machine vision & inspection' },
    { code: 'industrial_software', zh: '工业软件与数字孪生', en: 'Industrial software & digital twins' },
    { code: 'smart_factory', zh: '智能工厂与产线', en: 'Smart factories & lines' },
  ],
  semiconductor_optoelectronics: [
    { code: 'power_devices', zh: '功率半导体器件', en: 'Power semiconductors' },
    { code: 'wide_bandgap', zh: '第三代半导体材料', en: 'Wide-bandgap materials' },
    { code: 'led_display', zh: 'LED与显示', en: 'LED & displays' },
    { code: 'optics', zh: '光学元件与激光', en: 'Optics & lasers' },
    { code: 'packaging_test', zh: '封装测试', en: 'Packaging & test' },
  ],
  hydrogen: [
    { code: 'electrolysis', zh: '电解水制氢', en: 'Water electrolysis' },
    { code: 'storage_transport', zh: '储运氢', en: 'Hydrogen storage & transport' },
    { code: 'fuel_cells', zh: '燃料电池', en: 'Fuel cells' },
    { code: 'refuelling', zh: '加氢装备', en: 'Refuelling equipment' },
  ],
  modern_coal_chemicals: [
    { code: 'coal_gasification', zh: '煤气化', en: 'Coal gasification' },
    { code: 'coal_to_chemicals', zh: '煤制化学品', en: 'Coal to chemicals' },
    { code: 'catalysts', zh: '催化剂', en: 'Catalysts' },
  ],
  equipment_manufacturing: [
    { code: 'machine_tools', zh: '数控机床', en: 'CNC machine tools' },
    { code: 'hydraulics', zh: '液压与传动', en: 'Hydraulics & transmission' },
    { code: 'special_equipment', zh: '专用装备', en: 'Special equipment' },
    { code: 'shipbuilding', zh: '船舶与海工装备', en: 'Ships & offshore equipment' },
  ],
  information_technology: [
    { code: 'industrial_internet', zh: '工业互联网', en: 'Industrial internet' },
    { code: 'ai_applications', zh: '人工智能应用', en: 'AI applications' },
    { code: 'embedded_systems', zh: '嵌入式与物联网', en: 'Embedded & IoT' },
  ],
  automotive: [
    { code: 'lightweighting', zh: '汽车轻量化', en: 'Lightweighting' },
    { code: 'electric_drive', zh: '电驱动系统', en: 'Electric drive' },
    { code: 'auto_electronics', zh: '汽车电子', en: 'Automotive electronics' },
    { code: 'chassis_parts', zh: '底盘与关键零部件', en: 'Chassis & key parts' },
  ],
  medical_devices: [
    { code: 'imaging', zh: '医学影像设备', en: 'Medical imaging' },
    { code: 'ivd', zh: '体外诊断', en: 'In-vitro diagnostics' },
    { code: 'implants', zh: '植介入器械', en: 'Implants' },
    { code: 'rehab', zh: '康复与监护设备', en: 'Rehabilitation & monitoring' },
  ],
  energy_saving: [
    { code: 'water_treatment', zh: '水处理', en: 'Water treatment' },
    { code: 'waste_gas', zh: '废气治理', en: 'Waste-gas treatment' },
    { code: 'solid_waste', zh: '固废资源化', en: 'Solid-waste recycling' },
    { code: 'energy_efficiency', zh: '工业节能', en: 'Industrial energy efficiency' },
  ],
};

export function isChainOf(industry: IndustryCode, chain: string): boolean {
  return industryChains[industry].some((c) => c.code === chain);
}

const industryByChain = new Map(Object.entries(industryChains).flatMap(([industry, chains]) => chains.map((c) => [c.code, industry as IndustryCode] as const)));

/** The industry a chain code belongs to; undefined for an unknown code. */
export function industryOfChain(chain: string): IndustryCode | undefined {
  return industryByChain.get(chain);
}

/** Every chain code: the research-field taxonomy teams pick from. */
export const chainCodes: readonly string[] = [...industryByChain.keys()];
