import type { EvalChallenge } from '../types';

/**
 * Evaluation challenges, written the way enterprises in the Yangtze delta state their needs:
 * what the product is, what goes wrong today, what has been tried, what the team would get.
 * Wording deliberately differs from the team profiles (an enterprise says 视觉检测 where a lab
 * says 卷积神经网络), so a ranker has to match competence, not strings.
 */
export const evalChallenges: EvalChallenge[] = [
  // ───────────── 新能源 ─────────────
  {
    key: 'ne-ncz-silicon-oxygen',
    title: 'N型直拉硅单晶头部氧含量与少子寿命控制',
    summary: '降低N型直拉硅单晶棒头部氧含量，消除由氧沉淀引起的同心圆和黑心片，提高TOPCon用硅片的少子寿命一致性。',
    description:
      '公司为光伏电池厂供应182/210尺寸N型硅片，单晶炉为36英寸热场、单炉投料约3000kg，采用多次复投拉晶。目前晶棒头部约300mm范围内间隙氧含量偏高，电池端出现同心圆和黑心片，整棒头尾的少子寿命差异明显。已尝试降低坩埚转速和加大氩气流量，效果有限且影响成晶率。希望揭榜团队从热场与导流筒结构、熔体对流（含磁场）和拉晶工艺参数入手给出可量产方案；公司提供两台生产单晶炉用于试验、历史拉晶工艺数据及硅片检测数据。',
    industry: 'new_energy',
    industryChain: 'pv_cells',
    indicators: [
      { name: '晶棒头部间隙氧含量', targetValue: '≤ 12', unit: 'ppma' },
      { name: '硅片少子寿命（整棒最低值）', targetValue: '≥ 1500', unit: 'μs' },
      { name: '电池端同心圆及黑心片比例', targetValue: '≤ 0.3', unit: '%' },
      { name: '成晶率下降幅度', targetValue: '≤ 1', unit: '个百分点' },
    ],
  },
  {
    key: 'ne-storage-bms-soc',
    title: '储能电站BMS电池SOC与SOH高精度估算',
    summary: '提升磷酸铁锂储能系统电池管理系统对荷电状态和健康状态的估算精度，解决平台期SOC漂移导致的调度偏差。',
    description:
      '公司集成的100MWh级磷酸铁锂储能电站在电网调峰调频中频繁浅充浅放，由于磷酸铁锂电压平台平坦，BMS的SOC估算依赖安时积分，连续运行一周后误差可超过8%，触发提前限功率。电池簇之间的容量衰减差异也无法在线识别，运维只能每季度离线标定。技术难点是在现有BMS主控芯片算力下，实现对平台区SOC的闭环修正和对单簇SOH的在线估计。公司提供三座在运电站两年的运行数据、BMS硬件平台与源码接口，以及电芯实验室的充放电测试通道。',
    industry: 'new_energy',
    industryChain: 'energy_storage',
    indicators: [
      { name: '全工况SOC估算误差', targetValue: '≤ 3', unit: '%' },
      { name: '电池簇SOH在线估算误差', targetValue: '≤ 2', unit: '%' },
      { name: '算法在BMS主控上的单次运算耗时', targetValue: '≤ 10', unit: 'ms' },
    ],
  },
  {
    key: 'ne-grid-forming-pcs',
    title: '构网型储能变流器弱电网稳定运行控制',
    summary: '开发具备构网能力的储能变流器控制策略，使其在短路比低于1.5的弱电网和孤网条件下稳定运行并提供惯量支撑。',
    description:
      '公司现有2.5MW储能变流器采用跟网型控制，在西北新能源基地短路比较低的并网点多次出现宽频振荡和脱网。业主新一轮招标要求变流器具备构网能力：能自主建立电压和频率、提供虚拟惯量和阻尼，并能在构网与跟网模式间平滑切换。难点在于过流限制与故障穿越期间仍保持同步稳定，同时满足多机并联时的功率均分。公司提供2.5MW变流器样机、RT-LAB硬件在环平台和现场录波数据，并安排控制软件工程师配合现场试验。',
    industry: 'new_energy',
    industryChain: 'smart_grid',
    indicators: [
      { name: '稳定运行的最低短路比', targetValue: '≤ 1.2', unit: null },
      { name: '低电压穿越期间故障电流', targetValue: '≤ 1.5', unit: '倍额定电流' },
      { name: '虚拟惯量时间常数可调范围', targetValue: '2–10', unit: 's' },
    ],
  },
  {
    key: 'ne-wind-blade-monitoring',
    title: '风电叶片损伤与覆冰在线监测系统',
    summary: '为在役风电机组叶片开发在线监测系统，早期发现前缘腐蚀、开裂、雷击损伤和覆冰，减少停机巡检。',
    description:
      '公司运维的山地风电场共有180台3–4MW机组，叶片长约70–85米，近两年因叶片开裂和覆冰导致的非计划停机累计超过2000小时。目前依赖无人机定期巡检，无法及时发现根部和主梁内部的损伤。希望在不改变叶片结构的前提下加装传感器，结合机组运行数据识别损伤的位置和程度，并对覆冰给出预警。公司提供两台试点机组、历史SCADA数据和检修记录，并承担传感器硬件费用。',
    industry: 'new_energy',
    industryChain: 'wind_power',
    indicators: [
      { name: '可识别的最小裂纹长度', targetValue: '≤ 50', unit: 'mm' },
      { name: '覆冰预警提前时间', targetValue: '≥ 30', unit: 'min' },
      { name: '损伤报警误报率', targetValue: '≤ 5', unit: '%' },
    ],
  },
  {
    key: 'ne-sodium-hard-carbon',
    title: '钠离子电池高首效低成本硬碳负极材料',
    summary: '开发用于钠离子动力电池的硬碳负极材料，提高首次库仑效率和可逆容量，并把材料成本降到锂电石墨负极的水平。',
    description:
      '公司计划2027年量产面向两轮车和A00级电动车的钠离子电池，目前外购硬碳价格高、批次波动大，首次效率仅约86%。自行以椰壳炭为原料试制的硬碳可逆容量低于300mAh/g，且杂质含量不稳定。希望揭榜团队从前驱体选择、预处理和碳化工艺上开发可放大的硬碳制备路线，并在公司软包电芯上验证。公司提供吨级回转窑和碳化炉、扣电与软包电芯制作及测试条件。',
    industry: 'new_energy',
    industryChain: 'power_batteries',
    indicators: [
      { name: '可逆比容量', targetValue: '≥ 330', unit: 'mAh/g' },
      { name: '首次库仑效率', targetValue: '≥ 90', unit: '%' },
      { name: '材料完全成本', targetValue: '≤ 4', unit: '万元/吨' },
    ],
  },

  // ───────────── 新材料 ─────────────
  {
    key: 'nm-cf-pultrusion',
    title: '大丝束碳纤维复合材料拉挤板快速固化与界面提升',
    summary: '提高风电叶片主梁用大丝束碳纤维复合材料拉挤板的生产速度和层间性能。',
    description:
      '公司生产48K大丝束碳纤维拉挤板，供风电叶片主梁使用，现有环氧体系拉挤速度仅0.4m/min，提速后出现固化不完全和内部微裂纹。大丝束纤维浸润不均，层间剪切强度离散大，叶片厂对批次一致性投诉较多。需要在树脂配方、纤维表面与上浆处理、模具温区设计上系统优化。公司提供两条拉挤生产线、原材料和力学性能测试设备。',
    industry: 'new_materials',
    industryChain: 'composites',
    indicators: [
      { name: '稳定拉挤速度', targetValue: '≥ 0.8', unit: 'm/min' },
      { name: '短梁层间剪切强度', targetValue: '≥ 70', unit: 'MPa' },
      { name: '纤维体积含量', targetValue: '≥ 68', unit: '%' },
    ],
  },
  {
    key: 'nm-marine-anticorrosion',
    title: '跨海大桥钢结构浪溅区长效防腐涂层体系',
    summary: '为跨海大桥钢管桩和钢箱梁浪溅区开发设计寿命25年以上的长效防腐涂层体系。',
    description:
      '公司承担多座跨海大桥钢结构的涂装，浪溅区受干湿交替、海浪冲刷和紫外线共同作用，现用环氧富锌加聚氨酯面漆体系5–7年即出现起泡和锈蚀。业主要求新体系设计寿命不低于25年，且可在现场潮湿表面施工。难点在于附着力、抗阴极剥离和耐冲刷之间的平衡以及加速试验与实际寿命的对应关系。公司提供实海挂片场地、施工队伍和涂装试验段。',
    industry: 'new_materials',
    industryChain: 'coatings',
    indicators: [
      { name: '耐中性盐雾', targetValue: '≥ 6000', unit: 'h' },
      { name: '阴极剥离半径（28天）', targetValue: '≤ 8', unit: 'mm' },
      { name: '湿表面附着力（拉开法）', targetValue: '≥ 8', unit: 'MPa' },
    ],
  },
  {
    key: 'nm-pbat-film',
    title: '全生物降解PBAT/PLA地膜力学与降解周期调控',
    summary: '开发厚度0.010mm的全生物降解地膜，满足机械覆膜强度要求，并使降解周期与作物生长期匹配。',
    description:
      '公司现有PBAT/PLA共混地膜在减薄到0.010mm后纵向拉伸强度不足，机械铺膜时断膜率高。同时在新疆棉田使用时，膜在覆盖40天左右即开始碎裂，早于作物需要的保墒期。需要从共混相容、扩链和光热稳定助剂上调控力学性能和降解诱导期，并保证吹膜加工稳定。公司提供吹膜生产线、原料和田间试验示范地块。',
    industry: 'new_materials',
    industryChain: 'advanced_polymers',
    indicators: [
      { name: '纵向拉伸负荷', targetValue: '≥ 1.5', unit: 'N' },
      { name: '田间有效覆盖期', targetValue: '≥ 90', unit: '天' },
      { name: '180天生物分解率', targetValue: '≥ 90', unit: '%' },
    ],
  },
  {
    key: 'nm-cunisi-strip',
    title: '引线框架用Cu-Ni-Si高强高导铜合金带材',
    summary: '开发集成电路引线框架用高强高导铜合金带材，兼顾强度、导电率和折弯性能，实现进口替代。',
    description:
      '公司生产铜合金板带，目前引线框架用高端C7025类带材依赖进口。自产带材在抗拉强度达到750MPa时导电率只有40%IACS，且90°折弯出现开裂。难点在于成分设计、固溶时效制度与冷轧变形的匹配，以及析出相尺寸和分布的控制。公司提供熔铸、热轧、冷轧和连续退火产线，以及导电率和力学性能检测设备。',
    industry: 'new_materials',
    industryChain: 'metal_materials',
    indicators: [
      { name: '抗拉强度', targetValue: '≥ 800', unit: 'MPa' },
      { name: '导电率', targetValue: '≥ 45', unit: '%IACS' },
      { name: '90°折弯R/t（好方向）', targetValue: '≤ 1', unit: null },
    ],
  },
  {
    key: 'nm-graphene-thermal-film',
    title: '手机散热用高导热石墨烯膜量产工艺',
    summary: '建立厚度可达100μm以上的高导热石墨烯膜稳定量产工艺，替代人工石墨膜用于手机均热。',
    description:
      '公司为手机厂供应散热材料，客户要求均热膜厚度增加到100μm以上以提升热容，但传统人工石墨膜难以做厚。公司试制的氧化石墨烯涂布膜在高温处理后出现起泡、分层，面内热导率只有1100W/(m·K)左右。需要解决厚膜的涂布干燥、热还原排气和高温石墨化后的致密化问题。公司提供涂布线、2800℃石墨化炉和激光导热测试仪。',
    industry: 'new_materials',
    industryChain: 'carbon_materials',
    indicators: [
      { name: '面内热导率', targetValue: '≥ 1500', unit: 'W/(m·K)' },
      { name: '单层膜厚度', targetValue: '≥ 100', unit: 'μm' },
      { name: '量产良率', targetValue: '≥ 85', unit: '%' },
    ],
  },

  // ───────────── 生物医药 ─────────────
  {
    key: 'bm-adc-site-specific',
    title: 'ADC药物定点偶联工艺与DAR均一性控制',
    summary: '为在研抗HER2抗体偶联药物建立定点偶联工艺，使药物抗体比均一、可放大到200L规模。',
    description:
      '公司一款ADC药物目前采用半胱氨酸随机偶联，DAR分布宽，高DAR组分导致体内清除快、毒性大。计划改用酶法或工程化半胱氨酸的定点偶联路线，但偶联效率和聚体控制尚不理想。需要揭榜团队完成偶联化学筛选、纯化工艺开发和中试放大，并建立DAR和游离毒素的分析方法。公司提供抗体原液、连接子-毒素样品以及GMP中试车间。',
    industry: 'biomedicine',
    industryChain: 'biologics',
    indicators: [
      { name: '目标DAR组分占比', targetValue: '≥ 90', unit: '%' },
      { name: '高分子聚体含量', targetValue: '≤ 2', unit: '%' },
      { name: '偶联工艺收率（200L规模）', targetValue: '≥ 75', unit: '%' },
    ],
  },
  {
    key: 'bm-flow-chiral-intermediate',
    title: '手性药物中间体危险反应连续流工艺开发',
    summary: '把一个手性药物中间体合成中的低温锂化和硝化两步危险反应由釜式改为连续流工艺，提高安全性和收率。',
    description:
      '公司生产的一个抗病毒药物中间体需经过-78℃正丁基锂锂化和混酸硝化，釜式工艺批次间收率波动大、副产物多，且被列为重点监管危险工艺。希望改为连续化生产，在较高温度下完成锂化并保持对映选择性，同时实现硝化的精确控温。难点是多相体系混合、放热控制和固体析出堵塞。公司提供工艺路线资料、中试场地和在线分析仪器，并配合申报变更。',
    industry: 'biomedicine',
    industryChain: 'api_process',
    indicators: [
      { name: '两步总收率', targetValue: '≥ 82', unit: '%' },
      { name: '产物ee值', targetValue: '≥ 99.5', unit: '%' },
      { name: '连续稳定运行时间', targetValue: '≥ 72', unit: 'h' },
    ],
  },
  {
    key: 'bm-tcm-granule-quality',
    title: '中药配方颗粒标准汤剂质量一致性评价',
    summary: '为30个中药配方颗粒品种建立与标准汤剂对应的质量一致性评价方法，满足国家标准备案要求。',
    description:
      '国家配方颗粒标准实施后，公司需对在产品种逐一证明与标准汤剂的一致性。目前部分品种特征图谱峰匹配度不足，多批次出膏率和指标成分转移率波动大，原因难以追溯到饮片产地和提取工艺。需要揭榜团队建立特征图谱与多成分含量测定方法，筛选质量标志物，并给出从饮片到颗粒的量值传递控制方案。公司提供饮片与颗粒样品、生产工艺数据和液相色谱仪器。',
    industry: 'biomedicine',
    industryChain: 'tcm',
    indicators: [
      { name: '完成一致性评价的品种数', targetValue: '30', unit: '个' },
      { name: '特征图谱相似度', targetValue: '≥ 0.90', unit: null },
      { name: '指标成分转移率批间RSD', targetValue: '≤ 10', unit: '%' },
    ],
  },
  {
    key: 'bm-kras-lead-optimization',
    title: 'KRAS G12D抑制剂先导化合物成药性优化',
    summary: '对已有的KRAS G12D非共价抑制剂先导化合物进行结构优化，提升口服生物利用度与选择性，推进到临床前候选化合物。',
    description:
      '公司自主发现的KRAS G12D抑制剂先导化合物细胞活性达到纳摩尔级，但口服生物利用度低于5%，且对野生型KRAS选择性不足。需要结合晶体结构和计算模拟设计新骨架，完成合成、活性测试和药代评价的多轮迭代。公司提供靶蛋白、细胞模型、化合物库和动物药代平台，合成工作可由公司化学部门配合。',
    industry: 'biomedicine',
    industryChain: 'innovative_drugs',
    indicators: [
      { name: '大鼠口服生物利用度', targetValue: '≥ 30', unit: '%' },
      { name: '对KRAS野生型选择性', targetValue: '≥ 100', unit: '倍' },
      { name: '临床前候选化合物', targetValue: '1', unit: '个' },
    ],
  },
  {
    key: 'bm-mrna-lnp-stability',
    title: 'mRNA疫苗LNP递送系统冻干与常温稳定性',
    summary: '开发mRNA脂质纳米粒冻干制剂，使疫苗在2–8℃下长期稳定，摆脱-70℃冷链。',
    description:
      '公司在研的mRNA带状疱疹疫苗目前为液体制剂，需-70℃保存，运输成本高。试制的冻干样品复溶后粒径增大、包封率下降，体内表达明显降低。需要从可电离脂质配比、冻干保护剂和冻干曲线入手，同时保证复溶后的颗粒特性和免疫原性。公司提供mRNA原液、微流控制备设备、冻干机和动物免疫评价。',
    industry: 'biomedicine',
    industryChain: 'biologics',
    indicators: [
      { name: '2–8℃储存稳定期', targetValue: '≥ 12', unit: '月' },
      { name: '复溶后包封率', targetValue: '≥ 90', unit: '%' },
      { name: '复溶后粒径变化', targetValue: '≤ 10', unit: '%' },
    ],
  },

  // ───────────── 智能制造 ─────────────
  {
    key: 'im-electrode-defect-inspection',
    title: '锂电池极片涂布表面缺陷在线检测',
    summary: '在涂布和辊压工序实现极片表面缺陷的在线自动识别与分类，替代人工抽检。',
    description:
      '公司涂布线速度达80m/min，极片幅宽1.2m，漏箔、划痕、颗粒、气泡等缺陷依赖人工目检和事后抽检，漏检导致下游电芯短路风险。现有外购检测设备对暗色涂层上的细小缺陷识别率低，误报多，操作员常关掉报警。需要从成像方案到识别算法整体优化，并能用少量新缺陷样本快速扩充类别。公司提供两条涂布线改造位置、历史缺陷图片约2万张和现场调试配合。',
    industry: 'intelligent_manufacturing',
    industryChain: 'machine_vision',
    indicators: [
      { name: '最小可检缺陷尺寸', targetValue: '≤ 0.2', unit: 'mm' },
      { name: '缺陷检出率', targetValue: '≥ 99.5', unit: '%' },
      { name: '误报率', targetValue: '≤ 0.5', unit: '%' },
    ],
  },
  {
    key: 'im-casting-grinding-robot',
    title: '铸件浇冒口机器人自适应打磨工作站',
    summary: '用机器人替代人工打磨工程机械铸件的浇冒口和飞边，适应铸件尺寸偏差，保证表面质量。',
    description:
      '公司年产各类球墨铸铁件约4万吨，浇冒口残根和分型面飞边靠人工砂轮打磨，粉尘和噪声大、招工难。铸件毛坯尺寸偏差可达±3mm，固定轨迹的机器人打磨经常过切或残留。需要揭榜团队开发包含工件测量、轨迹自动生成和打磨接触力控制的工作站。公司提供典型铸件、一台六轴机器人和改造场地。',
    industry: 'intelligent_manufacturing',
    industryChain: 'industrial_robots',
    indicators: [
      { name: '打磨后残留高度', targetValue: '≤ 0.5', unit: 'mm' },
      { name: '单件节拍（典型件）', targetValue: '≤ 180', unit: 's' },
      { name: '接触力波动', targetValue: '≤ ±5', unit: 'N' },
    ],
  },
  {
    key: 'im-aps-digital-twin',
    title: '离散制造车间数字孪生与动态排产系统',
    summary: '建设机加工车间数字孪生系统，并在插单、设备故障等扰动下实现分钟级动态重排产。',
    description:
      '公司机加车间有数控设备120余台，订单多品种小批量，计划员用Excel排产，插单和设备故障后需要半天才能重排，交期达成率不足80%。已有MES采集设备状态，但没有可用于计划仿真的车间模型。需要揭榜团队建立与实际同步的车间孪生模型，开发考虑设备、刀具、人员约束的排产优化算法。公司开放MES和ERP数据接口，并指定一个车间作为试点。',
    industry: 'intelligent_manufacturing',
    industryChain: 'industrial_software',
    indicators: [
      { name: '扰动后重排产时间', targetValue: '≤ 5', unit: 'min' },
      { name: '订单准时交付率', targetValue: '≥ 95', unit: '%' },
      { name: '设备综合利用率提升', targetValue: '≥ 10', unit: '%' },
    ],
  },
  {
    key: 'im-multi-agv-scheduling',
    title: '百台级AGV集群调度与防死锁',
    summary: '为整车零部件仓储物流中心开发可支持150台以上AGV同时运行的调度系统，解决拥堵和死锁。',
    description:
      '公司物流中心现有潜伏式AGV 90台，计划扩到160台，但现有调度系统在车辆超过70台后频繁出现路口拥堵和死锁，只能人工干预。需要新的任务分配与路径规划算法，支持多类型车辆混跑和动态避障，并与仓储管理系统对接。公司提供仿真数据、现场地图和两周的产线停线测试窗口。',
    industry: 'intelligent_manufacturing',
    industryChain: 'smart_factory',
    indicators: [
      { name: '同时在线AGV数量', targetValue: '≥ 150', unit: '台' },
      { name: '死锁人工干预次数', targetValue: '≤ 1', unit: '次/班' },
      { name: '单车平均任务效率提升', targetValue: '≥ 20', unit: '%' },
    ],
  },

  // ───────────── 半导体光电 ─────────────
  {
    key: 'so-gan-doherty-pa',
    title: '5G基站GaN Doherty功率放大器效率与线性化',
    summary: '为3.5GHz频段宏基站开发GaN Doherty功率放大器，在满足线性指标的前提下提升回退效率。',
    description:
      '公司为通信设备商配套基站射频单元，现有功率放大器在8dB回退时漏极效率约42%，功耗和散热压力大。新一代产品要求200MHz瞬时带宽，宽带下Doherty负载调制和数字预失真收敛难度明显增加。需要揭榜团队完成功放电路设计、样机制作及与预失真算法的联合调试。公司提供GaN管芯、测试仪表和整机联调环境。',
    industry: 'semiconductor_optoelectronics',
    industryChain: 'wide_bandgap',
    indicators: [
      { name: '8dB回退漏极效率', targetValue: '≥ 52', unit: '%' },
      { name: '预失真后ACLR', targetValue: '≤ -50', unit: 'dBc' },
      { name: '瞬时带宽', targetValue: '≥ 200', unit: 'MHz' },
    ],
  },
  {
    key: 'so-sic-crystal-growth',
    title: '8英寸导电型碳化硅单晶生长缺陷控制',
    summary: '在8英寸导电型碳化硅单晶生长中降低微管和位错密度，提高衬底可用率。',
    description:
      '公司已完成6英寸碳化硅衬底量产，8英寸晶体扩径后边缘多型夹杂和基平面位错明显增加，晶锭可用厚度只有15mm左右。温场不均和籽晶粘接是主要怀疑因素，但缺少有效的温场仿真和缺陷溯源手段。需要揭榜团队在热场设计、生长工艺和缺陷表征上给出系统方案。公司提供长晶炉、原料和切磨抛产线。',
    industry: 'semiconductor_optoelectronics',
    industryChain: 'wide_bandgap',
    indicators: [
      { name: '微管密度', targetValue: '≤ 0.1', unit: '个/cm²' },
      { name: '基平面位错密度', targetValue: '≤ 500', unit: '个/cm²' },
      { name: '单晶锭可用厚度', targetValue: '≥ 25', unit: 'mm' },
    ],
  },
  {
    key: 'so-igbt-silver-sintering',
    title: '车规IGBT模块银烧结连接与功率循环寿命',
    summary: '以银烧结替代软钎焊实现芯片与基板连接，使车规IGBT模块功率循环寿命达到行业领先水平。',
    description:
      '公司生产750V/820A车规IGBT模块，主机厂要求结温175℃下连续工作，现有锡银铜焊层在功率循环中出现空洞扩展和分层。计划引入银烧结，但大面积芯片烧结存在压力不均、孔隙率高和铜基板氧化问题。需要揭榜团队开发烧结材料与工艺窗口，并建立寿命评估模型。公司提供芯片、DBC基板、烧结设备和功率循环测试台。',
    industry: 'semiconductor_optoelectronics',
    industryChain: 'packaging_test',
    indicators: [
      { name: '烧结层孔隙率', targetValue: '≤ 5', unit: '%' },
      { name: 'ΔTj=100K功率循环次数', targetValue: '≥ 100000', unit: '次' },
      { name: '连接层剪切强度', targetValue: '≥ 40', unit: 'MPa' },
    ],
  },
  {
    key: 'so-microled-mass-transfer',
    title: 'Micro LED巨量转移良率与坏点修复',
    summary: '实现小于30μm的Micro LED芯片高良率巨量转移，并开发坏点检测与修复工艺。',
    description:
      '公司开发车载和可穿戴用Micro LED显示屏，单屏需转移数百万颗芯片，目前印章转移良率约99.9%，坏点修复依靠人工挑片，速度很慢。芯片尺寸缩到30μm以下后，剥离与对位偏差问题更加突出。需要揭榜团队在转移方式、键合和快速检测修复上给出可量产方案。公司提供外延片、芯片工艺线和驱动背板。',
    industry: 'semiconductor_optoelectronics',
    industryChain: 'led_display',
    indicators: [
      { name: '转移良率', targetValue: '≥ 99.99', unit: '%' },
      { name: '转移位置精度', targetValue: '≤ ±1.5', unit: 'μm' },
      { name: '坏点修复速度', targetValue: '≥ 1000', unit: '颗/小时' },
    ],
  },
  {
    key: 'so-fiber-combiner',
    title: '万瓦级光纤激光器泵浦合束器温升控制',
    summary: '提升高功率光纤激光器中泵浦合束器的承载功率，降低高功率运行时的温升。',
    description:
      '公司工业切割用光纤激光器功率向20kW以上发展，现有(6+1)×1泵浦合束器在满功率时温升超过60℃，是整机失效的主要原因。问题集中在拉锥区的模场匹配、熔接点损耗和包层泄漏光处理。需要揭榜团队优化合束器设计和制作工艺，并完成长时间老化验证。公司提供泵浦源、增益光纤和整机测试平台。',
    industry: 'semiconductor_optoelectronics',
    industryChain: 'optics',
    indicators: [
      { name: '单器件承载泵浦功率', targetValue: '≥ 6', unit: 'kW' },
      { name: '满功率温升', targetValue: '≤ 30', unit: '℃' },
      { name: '泵浦传输效率', targetValue: '≥ 98', unit: '%' },
    ],
  },

  // ───────────── 氢能 ─────────────
  {
    key: 'h2-low-pt-mea',
    title: '车用燃料电池低铂膜电极耐久性提升',
    summary: '在降低铂载量的同时提升车用燃料电池膜电极的功率密度和耐久性。',
    description:
      '公司为重卡配套燃料电池电堆，现有膜电极总铂载量0.4mg/cm²，成本压力大，而降低载量后高电流密度下传质损失急剧增加，动态工况耐久测试不足8000小时。难点在于催化层结构和离聚物分布的优化以及启停和怠速工况下的衰减抑制。公司提供膜电极涂布线、单电池与短堆测试台和车辆运行工况谱。',
    industry: 'hydrogen',
    industryChain: 'fuel_cells',
    indicators: [
      { name: '总铂载量', targetValue: '≤ 0.2', unit: 'mg/cm²' },
      { name: '额定点功率密度（0.65V）', targetValue: '≥ 1.2', unit: 'W/cm²' },
      { name: '动态工况耐久', targetValue: '≥ 15000', unit: 'h' },
    ],
  },
  {
    key: 'h2-alkaline-electrode',
    title: '兆瓦级碱性电解水制氢电极降本增效',
    summary: '为兆瓦级碱性电解槽开发高活性、长寿命的非贵金属电极，降低制氢直流电耗。',
    description:
      '公司碱性电解槽产品单槽产氢1000Nm³/h，电流密度0.4A/cm²时小室电压约1.95V，在光伏波动电源下电极涂层脱落加快。希望揭榜团队开发新型析氢和析氧电极，使电解槽在更高电流密度下运行且频繁启停不衰减。公司提供电解槽小室测试台、电极基材和现场示范项目。',
    industry: 'hydrogen',
    industryChain: 'electrolysis',
    indicators: [
      { name: '0.6A/cm²下小室电压', targetValue: '≤ 1.85', unit: 'V' },
      { name: '启停循环后电压增幅（5000次）', targetValue: '≤ 30', unit: 'mV' },
      { name: '直流电耗', targetValue: '≤ 4.3', unit: 'kWh/Nm³' },
    ],
  },
  {
    key: 'h2-type4-liner',
    title: 'IV型车载储氢瓶塑料内胆氢渗透与缠绕工艺',
    summary: '开发70MPa IV型车载储氢瓶，解决塑料内胆氢渗透、瓶口密封和碳纤维缠绕效率问题。',
    description:
      '公司已量产35MPa III型瓶，正在开发70MPa IV型瓶。样瓶在静态渗透试验中渗透率超标，泄压循环后内胆出现鼓包，金属瓶口与内胆连接处易泄漏。碳纤维用量偏大导致成本高。需要揭榜团队在内胆材料、瓶口结构和缠绕线型设计上给出方案并完成型式试验。公司提供滚塑和缠绕设备及试验场地。',
    industry: 'hydrogen',
    industryChain: 'storage_transport',
    indicators: [
      { name: '氢气渗透率（55℃）', targetValue: '≤ 6', unit: 'NmL/(h·L)' },
      { name: '常温压力循环次数', targetValue: '≥ 22000', unit: '次' },
      { name: '爆破压力', targetValue: '≥ 157.5', unit: 'MPa' },
    ],
  },
  {
    key: 'h2-diaphragm-compressor',
    title: '45MPa加氢站隔膜压缩机膜片寿命提升',
    summary: '提高加氢站用隔膜压缩机膜片寿命和排量稳定性，降低加氢站停机率。',
    description:
      '公司加氢站采用45MPa隔膜压缩机，膜片平均寿命约2000小时，膜片破裂导致的非计划停机占全部停机的六成。原因涉及膜腔曲面设计、油侧压力控制和膜片材料疲劳。需要揭榜团队开展膜片应力分析和失效机理研究，提出结构和控制改进。公司提供两台在运压缩机、历史故障记录和拆解膜片样品。',
    industry: 'hydrogen',
    industryChain: 'refuelling',
    indicators: [
      { name: '膜片平均寿命', targetValue: '≥ 6000', unit: 'h' },
      { name: '排气量波动', targetValue: '≤ 5', unit: '%' },
      { name: '年非计划停机时间', targetValue: '≤ 48', unit: 'h' },
    ],
  },

  // ───────────── 现代煤化工 ─────────────
  {
    key: 'cc-gasifier-slag-tapping',
    title: '高灰熔点煤气流床气化稳定排渣技术',
    summary: '解决气流床气化炉使用高灰熔点本地煤时的排渣口堵塞问题，提高本地煤掺烧比例。',
    description:
      '公司使用水煤浆气流床气化炉，为降低成本希望提高本地高灰熔点煤的使用比例，但掺烧超过30%后排渣口结渣、压差上升，被迫降负荷。目前依靠添加石灰石助熔，但对耐火砖侵蚀加重。需要揭榜团队研究煤灰熔融和渣黏温特性，提出配煤与助熔方案以及操作温度优化。公司提供煤样、运行数据和停炉检修窗口。',
    industry: 'modern_coal_chemicals',
    industryChain: 'coal_gasification',
    indicators: [
      { name: '本地高灰熔点煤掺烧比例', targetValue: '≥ 60', unit: '%' },
      { name: '连续稳定运行时间', targetValue: '≥ 120', unit: '天' },
      { name: '碳转化率', targetValue: '≥ 98', unit: '%' },
    ],
  },
  {
    key: 'cc-mto-catalyst-life',
    title: '甲醇制烯烃SAPO-34催化剂抗积碳与单程寿命',
    summary: '开发低成本、长寿命的甲醇制烯烃催化剂，提高乙烯加丙烯选择性并降低剂耗。',
    description:
      '公司180万吨/年甲醇制烯烃装置使用的SAPO-34催化剂剂耗偏高，双烯选择性约80%，催化剂因积碳失活快，再生负荷大。希望开发新配方或改进合成工艺，调控晶粒尺寸和酸性以延缓积碳。公司提供固定床和小型流化床评价装置、工业运行数据，并可安排工业侧线试验。',
    industry: 'modern_coal_chemicals',
    industryChain: 'catalysts',
    indicators: [
      { name: '乙烯+丙烯选择性', targetValue: '≥ 83', unit: '%' },
      { name: '催化剂单耗', targetValue: '≤ 0.2', unit: 'kg/t烯烃' },
      { name: '固定床单程寿命', targetValue: '≥ 1.5', unit: '倍现用剂' },
    ],
  },
  {
    key: 'cc-coal-tar-hydrogenation',
    title: '中低温煤焦油全馏分加氢催化剂与工艺',
    summary: '开发适应中低温煤焦油全馏分的加氢催化剂级配和工艺，延长运行周期并提高轻质油收率。',
    description:
      '公司50万吨/年煤焦油加氢装置原料含大量沥青质、金属和酚类，保护床压降上升快，运行周期只有8个月。希望揭榜团队开发加氢脱金属、脱氧和饱和催化剂的级配方案，并优化工艺条件。公司提供原料分析、中试加氢装置和装置运行数据。',
    industry: 'modern_coal_chemicals',
    industryChain: 'coal_to_chemicals',
    indicators: [
      { name: '装置运行周期', targetValue: '≥ 18', unit: '月' },
      { name: '轻质油收率', targetValue: '≥ 95', unit: '%' },
      { name: '产品硫含量', targetValue: '≤ 10', unit: 'ppm' },
    ],
  },
  {
    key: 'cc-co2-methanol-catalyst',
    title: '煤化工尾气CO2加氢制甲醇催化剂',
    summary: '利用煤化工低温甲醇洗尾气中的高浓度CO2与绿氢合成甲醇，开发高选择性、长寿命催化剂。',
    description:
      '公司每年排放高浓度CO2约80万吨，规划配套绿氢建设10万吨/年CO2制甲醇装置。传统铜锌铝催化剂在纯CO2原料下生成大量水，导致烧结失活快，甲醇选择性不足。需要揭榜团队开发新型催化剂并完成千小时寿命评价和工艺包基础数据。公司提供CO2气源、评价装置和工程设计支持。',
    industry: 'modern_coal_chemicals',
    industryChain: 'catalysts',
    indicators: [
      { name: 'CO2单程转化率', targetValue: '≥ 20', unit: '%' },
      { name: '甲醇选择性', targetValue: '≥ 85', unit: '%' },
      { name: '催化剂连续评价寿命', targetValue: '≥ 2000', unit: 'h' },
    ],
  },

  // ───────────── 高端装备 ─────────────
  {
    key: 'eq-spindle-thermal-error',
    title: '五轴加工中心电主轴热误差建模与补偿',
    summary: '建立五轴加工中心电主轴和整机热误差模型并实现实时补偿，提高长时间加工精度稳定性。',
    description:
      '公司生产的五轴立式加工中心用于航空结构件加工，开机4小时内主轴Z向热伸长可达30μm，客户投诉首件与后续件尺寸不一致。现有补偿只用单点温度线性模型，环境温度变化时失效。需要揭榜团队优化测温点布置，建立鲁棒的热误差模型并集成到数控系统。公司提供样机、测试设备和数控系统二次开发接口。',
    industry: 'equipment_manufacturing',
    industryChain: 'machine_tools',
    indicators: [
      { name: '补偿后主轴Z向热误差', targetValue: '≤ 5', unit: 'μm' },
      { name: '环境温度变化适应范围', targetValue: '15–30', unit: '℃' },
      { name: '测温点数量', targetValue: '≤ 8', unit: '个' },
    ],
  },
  {
    key: 'eq-piston-pump-noise',
    title: '高压轴向柱塞泵降噪与流量脉动抑制',
    summary: '降低35MPa高压轴向柱塞泵的噪声和出口压力脉动，满足高端工程机械和机床对低噪声液压源的要求。',
    description:
      '公司生产的斜盘式轴向柱塞泵在35MPa、1800r/min工况下噪声约82dB(A)，比进口同类产品高4–5dB。主要来源是配流过程的压力冲击和流量脉动以及壳体结构振动。需要揭榜团队从配流盘结构、减振槽设计和壳体结构上优化，并完成台架验证。公司提供样泵、半消声室和液压试验台。',
    industry: 'equipment_manufacturing',
    industryChain: 'hydraulics',
    indicators: [
      { name: '额定工况噪声', targetValue: '≤ 77', unit: 'dB(A)' },
      { name: '出口压力脉动', targetValue: '≤ 1.5', unit: '%' },
      { name: '容积效率', targetValue: '≥ 95', unit: '%' },
    ],
  },
  {
    key: 'eq-shafting-vibration',
    title: '内河LNG动力船推进轴系振动噪声控制',
    summary: '降低内河LNG动力散货船推进轴系的纵向与扭转振动及舱室噪声，满足新规范要求。',
    description:
      '公司建造的内河LNG动力散货船在某转速区间出现推进轴系强烈振动，舱室噪声超过规范限值，船东拒绝交船验收。初步分析与螺旋桨激励和轴系支撑刚度有关，但缺乏系统的计算和测试手段。需要揭榜团队完成轴系振动计算、实船测试和减振降噪方案设计。公司提供图纸、实船测试机会和改造施工。',
    industry: 'equipment_manufacturing',
    industryChain: 'shipbuilding',
    indicators: [
      { name: '常用转速范围内纵振幅值降低', targetValue: '≥ 50', unit: '%' },
      { name: '居住舱室噪声', targetValue: '≤ 60', unit: 'dB(A)' },
      { name: '方案改造周期', targetValue: '≤ 30', unit: '天' },
    ],
  },
  {
    key: 'eq-tbm-cutter-wear',
    title: '盾构机滚刀磨损在线监测与换刀决策',
    summary: '实现盾构机刀盘滚刀磨损和异常状态的在线监测，指导带压进仓换刀时机。',
    description:
      '公司承建的城市地铁区间穿越上软下硬复合地层，滚刀偏磨和刀圈崩裂频繁，带压进仓检查风险高、耗时长。现有监测只依赖掘进参数的人工判断，经常过早或过晚换刀。需要揭榜团队开发滚刀磨损与转动状态在线感知装置和换刀决策模型。公司提供在建盾构区间、掘进数据和刀具更换记录。',
    industry: 'equipment_manufacturing',
    industryChain: 'special_equipment',
    indicators: [
      { name: '滚刀磨损量监测误差', targetValue: '≤ 2', unit: 'mm' },
      { name: '传感器有效工作时间', targetValue: '≥ 1000', unit: 'h' },
      { name: '进仓检查次数减少', targetValue: '≥ 40', unit: '%' },
    ],
  },

  // ───────────── 新一代信息技术 ─────────────
  {
    key: 'it-equipment-anomaly',
    title: '注塑设备时序数据异常检测与预测性维护',
    summary: '基于注塑机运行数据实现设备异常早期发现和关键部件剩余寿命预测，减少非计划停机。',
    description:
      '公司有注塑机300余台，已通过工业互联网平台采集温度、压力、电流等数据，但只做阈值报警，螺杆磨损、液压泄漏等渐变故障无法提前发现。标注故障样本很少，工况随模具切换变化大。需要揭榜团队开发无监督或少样本的异常检测与寿命预测模型，并部署到现有平台。公司提供两年历史数据和平台开发接口。',
    industry: 'information_technology',
    industryChain: 'industrial_internet',
    indicators: [
      { name: '故障提前预警时间', targetValue: '≥ 72', unit: 'h' },
      { name: '异常检测召回率', targetValue: '≥ 90', unit: '%' },
      { name: '误报率', targetValue: '≤ 5', unit: '%' },
    ],
  },
  {
    key: 'it-maintenance-llm',
    title: '设备维修知识大模型问答助手',
    summary: '基于企业维修手册、工单和专家经验构建可私有化部署的大模型维修问答助手。',
    description:
      '公司有大量设备维修手册、十年工单记录和老师傅经验，新员工故障排查效率低。通用大模型回答不准确且存在编造，数据不能出厂区。需要揭榜团队在本地算力上完成知识整理、检索增强和模型微调，给出可溯源的回答。公司提供文档资料、8卡GPU服务器和一线维修人员测试。',
    industry: 'information_technology',
    industryChain: 'ai_applications',
    indicators: [
      { name: '典型故障问答准确率', targetValue: '≥ 90', unit: '%' },
      { name: '回答可溯源比例', targetValue: '100', unit: '%' },
      { name: '平均响应时间', targetValue: '≤ 3', unit: 's' },
    ],
  },
  {
    key: 'it-lowpower-sensor-node',
    title: '综合管廊环境监测无线传感节点五年免维护',
    summary: '开发用于城市综合管廊的电池供电无线环境监测节点，实现五年免更换电池。',
    description:
      '公司承接城市综合管廊运维，需在管廊内布设温湿度、氧气、甲烷、水位等监测节点，现有节点电池半年就需更换，且信号在混凝土管廊内衰减严重。需要揭榜团队从硬件低功耗设计、无线组网协议和传感器唤醒策略上整体优化。公司提供管廊测试段和现有平台接口。',
    industry: 'information_technology',
    industryChain: 'embedded_systems',
    indicators: [
      { name: '电池寿命（每5分钟上报）', targetValue: '≥ 5', unit: '年' },
      { name: '管廊内单跳通信距离', targetValue: '≥ 300', unit: 'm' },
      { name: '数据上报成功率', targetValue: '≥ 99', unit: '%' },
    ],
  },
  {
    key: 'it-edge-model-deploy',
    title: '质检视觉模型在国产边缘AI芯片上的轻量化部署',
    summary: '将现有的质检识别模型压缩并部署到国产边缘AI芯片上，满足产线实时性要求。',
    description:
      '公司在产线上使用GPU工控机运行缺陷识别模型，成本高且功耗大，计划改用国产边缘AI模组。模型直接转换后精度下降明显，部分算子不支持，推理速度达不到产线节拍。需要揭榜团队完成模型压缩、量化和算子适配，确保精度损失可控。公司提供模型、数据集和边缘模组样品。',
    industry: 'information_technology',
    industryChain: 'ai_applications',
    indicators: [
      { name: '单帧推理时间', targetValue: '≤ 20', unit: 'ms' },
      { name: '部署后精度损失', targetValue: '≤ 1', unit: '%' },
      { name: '模型大小', targetValue: '≤ 10', unit: 'MB' },
    ],
  },

  // ───────────── 汽车及零部件 ─────────────
  {
    key: 'au-cfrp-battery-cover',
    title: '新能源汽车碳纤维复合材料电池包上盖',
    summary: '开发碳纤维复合材料电池包上盖，在满足防火和密封要求的前提下较钢制上盖减重50%以上。',
    description:
      '公司为主机厂配套电池包壳体，现有上盖为钢冲压件，重约18kg。客户要求改用碳纤维复合材料，减重50%以上，并满足热失控喷射火焰冲击和IP67密封要求，单件成本要控制。需要揭榜团队完成材料选型、结构设计和快速成型工艺开发，并通过整包验证。公司提供压机、模具加工和电池包试验条件。',
    industry: 'automotive',
    industryChain: 'lightweighting',
    indicators: [
      { name: '减重比例（对比钢制上盖）', targetValue: '≥ 50', unit: '%' },
      { name: '耐火焰冲击（1000℃）', targetValue: '≥ 5', unit: 'min' },
      { name: '单件成型周期', targetValue: '≤ 5', unit: 'min' },
    ],
  },
  {
    key: 'au-edrive-whine',
    title: '电驱动总成高速啸叫NVH优化',
    summary: '降低三合一电驱动总成在高转速区的电磁和齿轮啸叫，改善车内声品质。',
    description:
      '公司三合一电驱动总成最高转速16000r/min，整车测试中在加速和滑行工况出现明显高频啸叫，主机厂要求车内阶次噪声降低6dB以上。问题来源包括电机电磁力波、齿轮传动误差和壳体模态耦合。需要揭榜团队开展多源激励分析并给出电机、齿轮和壳体的综合优化方案。公司提供样机、台架和整车测试条件。',
    industry: 'automotive',
    industryChain: 'electric_drive',
    indicators: [
      { name: '车内主要阶次噪声降低', targetValue: '≥ 6', unit: 'dB' },
      { name: '电机转矩脉动', targetValue: '≤ 3', unit: '%' },
      { name: '总成效率损失', targetValue: '≤ 0.3', unit: '个百分点' },
    ],
  },
  {
    key: 'au-4d-radar-perception',
    title: '4D成像毫米波雷达点云目标识别',
    summary: '基于4D成像毫米波雷达点云实现对车辆、行人和静止障碍物的识别分类，用于辅助驾驶。',
    description:
      '公司开发的4D成像雷达已实现俯仰测角，但点云稀疏、多径虚假点多，对静止车辆和高处龙门架区分不准，导致误刹。需要揭榜团队改进信号处理与点云生成算法，并开发目标识别模型，在车规级处理器上实时运行。公司提供雷达样机、采集车和标注数据。',
    industry: 'automotive',
    industryChain: 'auto_electronics',
    indicators: [
      { name: '静止障碍物识别准确率', targetValue: '≥ 95', unit: '%' },
      { name: '俯仰角分辨率', targetValue: '≤ 2', unit: '°' },
      { name: '处理时延', targetValue: '≤ 50', unit: 'ms' },
    ],
  },
  {
    key: 'au-emb-actuator',
    title: '电子机械制动EMB执行器设计与控制',
    summary: '开发乘用车电子机械制动执行器样件及夹紧力控制算法，满足线控底盘的响应和功能安全要求。',
    description:
      '公司为主机厂开发线控底盘，制动系统计划由电子液压制动转向全电子机械制动。难点在于小体积执行器的电机与减速增力机构设计、无夹紧力传感器条件下的力估计，以及失效降级策略。需要揭榜团队完成执行器设计、控制算法和台架验证。公司提供台架、样件加工和试验车。',
    industry: 'automotive',
    industryChain: 'chassis_parts',
    indicators: [
      { name: '夹紧力建立时间（0至最大）', targetValue: '≤ 150', unit: 'ms' },
      { name: '夹紧力控制误差', targetValue: '≤ 5', unit: '%' },
      { name: '执行器质量', targetValue: '≤ 4', unit: 'kg' },
    ],
  },

  // ───────────── 医疗器械 ─────────────
  {
    key: 'md-low-dose-ct',
    title: '低剂量CT图像重建降噪算法',
    summary: '为64排CT开发低剂量扫描的图像重建算法，在剂量降低一半的情况下保持诊断图像质量。',
    description:
      '公司64排CT用于基层医院肺癌筛查，低剂量扫描时图像噪声和条状伪影明显，医生反馈细小结节显示不清。现有迭代重建算法耗时长，不能满足临床流程。需要揭榜团队开发能在现有重建工作站实时运行的算法，并通过临床读片评价。公司提供原始投影数据、重建工作站和合作医院资源。',
    industry: 'medical_devices',
    industryChain: 'imaging',
    indicators: [
      { name: '同等图像质量下剂量降低', targetValue: '≥ 50', unit: '%' },
      { name: '单次重建时间（300层）', targetValue: '≤ 30', unit: 's' },
      { name: '医生盲评不劣于常规剂量比例', targetValue: '≥ 95', unit: '%' },
    ],
  },
  {
    key: 'md-microfluidic-poct',
    title: '微流控化学发光心肌标志物POCT检测',
    summary: '开发微流控芯片与配套仪器，实现全血快速定量检测高敏肌钙蛋白等心肌标志物。',
    description:
      '公司心肌标志物POCT产品为荧光免疫层析，灵敏度达不到高敏肌钙蛋白标准，急诊科推广受限。希望采用微流控芯片结合化学发光检测，实现全血上样、15分钟出结果。难点在于芯片内磁珠清洗、试剂预存和低成本批量制造。公司提供抗体原料、注塑产线和注册检验支持。',
    industry: 'medical_devices',
    industryChain: 'ivd',
    indicators: [
      { name: 'cTnI检出限', targetValue: '≤ 3', unit: 'ng/L' },
      { name: '检测时间', targetValue: '≤ 15', unit: 'min' },
      { name: '批内变异系数', targetValue: '≤ 8', unit: '%' },
    ],
  },
  {
    key: 'md-mg-stent',
    title: '可降解镁合金冠脉支架降解速率控制',
    summary: '控制可降解镁合金冠脉支架的降解速率，使其在血管修复期内保持足够支撑力。',
    description:
      '公司在研可降解镁合金冠脉支架在动物试验中降解过快，3个月时径向支撑力损失超过50%，并有局部点蚀断裂。需要揭榜团队从合金成分和微观组织、微管加工以及表面涂层上综合调控降解行为。公司提供支架设计、激光切割和动物实验资源。',
    industry: 'medical_devices',
    industryChain: 'implants',
    indicators: [
      { name: '3个月径向支撑力保持率', targetValue: '≥ 80', unit: '%' },
      { name: '完全降解时间', targetValue: '12–24', unit: '月' },
      { name: '支架杆厚度', targetValue: '≤ 120', unit: 'μm' },
    ],
  },
  {
    key: 'md-lower-limb-exo',
    title: '脑卒中下肢康复外骨骼步态意图识别',
    summary: '为下肢康复外骨骼开发运动意图识别和自适应助力控制，提高脑卒中患者的主动训练效果。',
    description:
      '公司下肢外骨骼产品目前按预设轨迹带动患者行走，患者主动参与度低，医院反馈康复效果有限。希望根据患者肌电、关节角度和足底压力识别步态意图，实现按需助力。难点在于偏瘫步态个体差异大和实时控制的安全性。公司提供外骨骼样机、合作康复医院和临床试验支持。',
    industry: 'medical_devices',
    industryChain: 'rehab',
    indicators: [
      { name: '步态相位识别准确率', targetValue: '≥ 95', unit: '%' },
      { name: '意图识别延迟', targetValue: '≤ 100', unit: 'ms' },
      { name: '患者主动力矩贡献提升', targetValue: '≥ 30', unit: '%' },
    ],
  },

  // ───────────── 节能环保 ─────────────
  {
    key: 'es-vocs-zeolite-rotor',
    title: '喷涂车间大风量低浓度VOCs治理',
    summary: '为汽车零部件喷涂车间开发大风量低浓度VOCs高效治理工艺，降低运行能耗。',
    description:
      '公司喷涂车间排风量约20万m³/h，VOCs浓度100–300mg/m³，现有活性炭吸附加脱附工艺更换频繁、去除率不稳定，且存在安全隐患。希望采用吸附浓缩与热氧化组合工艺，在高湿条件下保证去除效率并降低燃料消耗。公司提供车间现场、运行数据和改造资金。',
    industry: 'energy_saving',
    industryChain: 'waste_gas',
    indicators: [
      { name: '非甲烷总烃去除率', targetValue: '≥ 95', unit: '%' },
      { name: '排放浓度', targetValue: '≤ 20', unit: 'mg/m³' },
      { name: '单位风量运行能耗降低', targetValue: '≥ 30', unit: '%' },
    ],
  },
  {
    key: 'es-lib-recycling',
    title: '退役三元锂电池黑粉湿法回收锂镍钴',
    summary: '提高退役三元锂电池黑粉湿法回收中锂、镍、钴的回收率，并降低酸碱和还原剂消耗。',
    description:
      '公司退役电池处理能力为2万吨/年，黑粉浸出中锂回收率约85%，且萃取段镍钴锰分离不彻底、废水量大。希望揭榜团队优化浸出体系、除杂和萃取分离流程，实现锂的优先提取和电池级产品回收。公司提供黑粉原料、中试线和分析检测。',
    industry: 'energy_saving',
    industryChain: 'solid_waste',
    indicators: [
      { name: '锂回收率', targetValue: '≥ 92', unit: '%' },
      { name: '镍钴回收率', targetValue: '≥ 98.5', unit: '%' },
      { name: '吨黑粉废水量', targetValue: '≤ 3', unit: 't' },
    ],
  },
  {
    key: 'es-waste-heat-steam',
    title: '低温余热高温热泵产蒸汽技术',
    summary: '利用60–80℃工艺废热水，通过高温热泵制取0.3MPa以上饱和蒸汽，替代燃气锅炉。',
    description:
      '公司印染和食品客户大量使用低压蒸汽，同时排放60–80℃的废热水。现有热泵出水温度不超过90℃，无法直接产蒸汽。需要揭榜团队开发高温热泵循环和闪蒸或蒸汽压缩组合方案，在保证能效的前提下稳定产汽。公司提供试验场地、热源条件和样机制造。',
    industry: 'energy_saving',
    industryChain: 'energy_efficiency',
    indicators: [
      { name: '出口蒸汽压力', targetValue: '≥ 0.3', unit: 'MPa' },
      { name: '系统制热COP', targetValue: '≥ 2.5', unit: null },
      { name: '单机产汽量', targetValue: '≥ 1', unit: 't/h' },
    ],
  },
  {
    key: 'es-dyeing-concentrate',
    title: '印染废水膜浓缩液深度处理与回用',
    summary: '对印染废水双膜法产生的高盐、高色度浓缩液进行深度处理，实现达标排放和盐回用。',
    description:
      '公司园区印染废水经超滤和反渗透回用后，产生约15%的浓缩液，COD约800mg/L、色度高、含盐量大，现委外处理费用高。需要揭榜团队开发浓缩液中难降解有机物去除和盐分资源化的组合工艺，并完成中试。公司提供废水水样、中试场地和运行人员。',
    industry: 'energy_saving',
    industryChain: 'water_treatment',
    indicators: [
      { name: '出水COD', targetValue: '≤ 50', unit: 'mg/L' },
      { name: '回收盐纯度', targetValue: '≥ 98', unit: '%' },
      { name: '吨水处理成本', targetValue: '≤ 25', unit: '元' },
    ],
  },
];
