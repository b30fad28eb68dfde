/**
 * Matching profiles of the demo research teams (teams.ts), keyed by team key: the
 * industry-chain codes they work in (shared/taxonomy/industry-chains.ts), how many active
 * contracts they can carry, each member's expertise and a few past results. Like the teams
 * themselves, the people and results are fictional; they follow each team's research fields
 * and description so matching a demo challenge finds sensible bidders.
 */
export interface SeedTeamProfile {
  /** 1–3 industry-chain codes. */
  fields: readonly string[];
  /** Active contracts the team can take at once. */
  capacity: number;
  /** Member name, exactly as in teams.ts → a short phrase of their expertise. */
  expertise: Readonly<Record<string, string>>;
  /** Past papers, invention patents and products, 2018–2026. */
  results: readonly { kind: 'paper' | 'patent' | 'product'; title: string; year: number }[];
}

export const teamProfiles: Readonly<Record<string, SeedTeamProfile>> = {
  // —— 扬州大学 ——
  'yzu-energy-materials': {
    fields: ['energy_storage', 'power_batteries'],
    capacity: 3,
    expertise: {
      周文涛: '磷酸铁锂正极改性与低温电化学',
      葛晓敏: '硫化物固态电解质与低温电解液添加剂',
    },
    results: [
      { kind: 'patent', title: '一种低温型碳包覆磷酸铁锂正极材料的制备方法', year: 2021 },
      { kind: 'paper', title: '碳包覆磷酸铁锂正极的低温锂离子扩散动力学与负极析锂抑制', year: 2023 },
      { kind: 'patent', title: '一种含氟磺酰亚胺锂盐的低温电解液添加剂及其应用', year: 2024 },
    ],
  },
  'yzu-green-catalysis': {
    fields: ['catalysts', 'coal_to_chemicals'],
    capacity: 3,
    expertise: {
      钱国栋: '草酸酯加氢铜基催化剂设计与C1化工',
      陶颖: '催化剂原位表征与失活再生机理',
    },
    results: [
      { kind: 'patent', title: '一种硼修饰铜硅催化剂及其在草酸二甲酯加氢制乙二醇中的应用', year: 2020 },
      { kind: 'paper', title: '硼助剂抑制Cu/SiO₂催化剂铜物种烧结的作用机制', year: 2022 },
      { kind: 'product', title: '草酸二甲酯加氢制乙二醇抗烧结铜基催化剂（千吨级侧线验证）', year: 2023 },
    ],
  },
  'yzu-welding-vision': {
    fields: ['industrial_robots', 'machine_vision'],
    capacity: 3,
    expertise: {
      蒋振华: '焊接机器人视觉传感与自适应焊接工艺',
      仲雪: '焊缝特征提取与焊接缺陷视觉检测',
    },
    results: [
      { kind: 'product', title: '抗弧光线结构光焊缝跟踪传感器', year: 2021 },
      { kind: 'patent', title: '一种基于线结构光的中厚板多层多道焊路径规划方法', year: 2022 },
      { kind: 'paper', title: '强弧光干扰下焊缝图像特征提取的深度学习方法', year: 2024 },
    ],
  },
  'yzu-medical-polymers': {
    fields: ['implants', 'advanced_polymers'],
    capacity: 2,
    expertise: {
      孔令娟: '医用高分子表面改性与亲水润滑涂层',
    },
    results: [
      { kind: 'patent', title: '一种共价接枝聚乙烯吡咯烷酮亲水润滑涂层的制备方法', year: 2020 },
      { kind: 'paper', title: '光交联聚乙烯吡咯烷酮涂层在血管内导管表面的耐磨与润滑持久性', year: 2022 },
      { kind: 'patent', title: '一种用于医用聚氯乙烯的非邻苯类增塑体系及其制备方法', year: 2024 },
    ],
  },
  'yzu-water': {
    fields: ['water_treatment'],
    capacity: 3,
    expertise: {
      盛志刚: '工业难降解废水催化臭氧氧化深度处理',
      柏静: '高盐废水资源化与分盐结晶',
    },
    results: [
      { kind: 'patent', title: '一种负载型锰铈复合臭氧氧化催化剂及其制备方法', year: 2019 },
      { kind: 'product', title: '化工园区尾水催化臭氧氧化深度处理工艺包（500吨/日示范）', year: 2022 },
      { kind: 'paper', title: '锰铈复合氧化物催化臭氧氧化降解难降解有机物的羟基自由基生成机制', year: 2023 },
    ],
  },
  'yzu-hydrogen': {
    fields: ['electrolysis'],
    capacity: 3,
    expertise: {
      俞海峰: '碱性电解水镍基电极与波动工况电解槽控制',
      邵宁: '电解制氢系统集成与电解槽测试',
    },
    results: [
      { kind: 'patent', title: '一种碱性电解水用多孔镍基析氢电极的制备方法', year: 2021 },
      { kind: 'patent', title: '一种聚苯硫醚基复合隔膜及其制备方法', year: 2023 },
      { kind: 'paper', title: '风光波动电源下碱性电解槽动态响应与氢中氧含量控制策略', year: 2024 },
    ],
  },
  // —— 扬州本地研究机构与企业研发团队 ——
  'nju-yz-optics': {
    fields: ['led_display', 'optics'],
    capacity: 4,
    expertise: {
      顾晨阳: 'LED照明二次光学设计与热管理',
      戚蓓: '自由曲面透镜配光与光衰寿命评估',
    },
    results: [
      { kind: 'patent', title: '一种用于道路照明的蝙蝠翼配光自由曲面透镜及其设计方法', year: 2020 },
      { kind: 'product', title: '大功率LED路灯蝙蝠翼配光透镜', year: 2021 },
      { kind: 'paper', title: '基于TM-21的大功率LED模组高温高湿光通维持率外推方法', year: 2023 },
    ],
  },
  'xinrui-reliability': {
    fields: ['packaging_test', 'power_devices'],
    capacity: 5,
    expertise: {
      成立军: '功率器件车规可靠性试验与失效分析',
    },
    results: [
      { kind: 'patent', title: '一种功率器件键合线脱落的超声扫描无损检测方法', year: 2022 },
      { kind: 'product', title: '功率半导体AEC-Q101车规认证与功率循环寿命评估服务', year: 2023 },
      { kind: 'paper', title: '功率循环下TO-247封装SiC器件焊料层退化与寿命模型', year: 2025 },
    ],
  },
  // —— 南京大学 ——
  'nju-pv': {
    fields: ['pv_cells'],
    capacity: 3,
    expertise: {
      黎明远: '晶硅电池钝化接触与高效电池工艺',
      沈佳: '低银金属化与激光辅助烧结接触机理',
    },
    results: [
      { kind: 'patent', title: '一种隧穿氧化层钝化接触太阳电池的制备方法', year: 2021 },
      { kind: 'patent', title: '一种晶硅太阳电池铜电镀金属化方法', year: 2023 },
      { kind: 'paper', title: '激光辅助烧结对TOPCon电池正面银硅接触电阻的影响机理', year: 2024 },
    ],
  },
  'nju-widebandgap': {
    fields: ['power_devices', 'wide_bandgap'],
    capacity: 3,
    expertise: {
      卞宇航: 'SiC/GaN功率器件设计与栅氧可靠性物理',
    },
    results: [
      { kind: 'paper', title: 'SiC/SiO₂界面氮化退火对界面态密度与阈值电压漂移的影响', year: 2020 },
      { kind: 'patent', title: '一种降低碳化硅MOSFET栅氧界面态密度的氮化退火方法', year: 2021 },
      { kind: 'paper', title: '1200V SiC MOSFET高温栅偏应力下阈值电压不稳定性机理', year: 2023 },
    ],
  },
  // —— 东南大学 ——
  'seu-power': {
    fields: ['energy_storage', 'smart_grid'],
    capacity: 4,
    expertise: {
      华振宇: '大容量储能变流器与并网控制',
      邱蕾: '电池管理系统与电芯一致性评估',
    },
    results: [
      { kind: 'product', title: '1500V组串式储能变流器', year: 2022 },
      { kind: 'product', title: '工商业储能主动均衡电池管理系统', year: 2023 },
      { kind: 'patent', title: '一种基于弛豫电压特征的储能电芯一致性快速评估方法', year: 2024 },
    ],
  },
  'seu-ultrasound': {
    fields: ['imaging'],
    capacity: 2,
    expertise: {
      宋启明: '超快平面波成像与自适应波束合成',
    },
    results: [
      { kind: 'patent', title: '一种面向低通道数超声系统的自适应最小方差波束合成方法', year: 2020 },
      { kind: 'patent', title: '一种基于深度学习的超声图像去噪与超分辨重建方法', year: 2022 },
      { kind: 'paper', title: '低通道数掌上超声的相干平面波复合成像与侧向分辨率提升', year: 2023 },
    ],
  },
  'seu-alloy': {
    fields: ['lightweighting', 'metal_materials'],
    capacity: 3,
    expertise: {
      陆建平: '轻合金凝固组织控制与免热处理压铸合金',
      项炜: '压铸工艺仿真与铸件缺陷分析',
    },
    results: [
      { kind: 'patent', title: '一种高韧性免热处理Al-Si-Mg-Mn系压铸铝合金及其制备方法', year: 2022 },
      { kind: 'product', title: '汽车减震塔用免热处理压铸铝合金', year: 2023 },
      { kind: 'paper', title: '一体化压铸大型铝合金结构件卷气与冷隔缺陷的形成机理', year: 2024 },
    ],
  },
  // —— 南京理工大学 ——
  'njust-cnc': {
    fields: ['machine_tools'],
    capacity: 3,
    expertise: {
      冯志坚: '数控装备精度设计、热误差补偿与伺服控制',
    },
    results: [
      { kind: 'paper', title: '基于拓扑优化的大吨位伺服压力机机身刚度设计', year: 2019 },
      { kind: 'patent', title: '一种大吨位伺服压力机滑块平行度主动控制方法', year: 2021 },
      { kind: 'paper', title: '数控机床主轴热误差的多温度测点建模与实时补偿', year: 2023 },
    ],
  },
  'njust-corrosion': {
    fields: ['coatings', 'shipbuilding'],
    capacity: 3,
    expertise: {
      刘蕴华: '海洋重防腐涂层设计与失效寿命预测',
      吉伟: '涂层电化学阻抗谱表征与加速老化评价',
    },
    results: [
      { kind: 'patent', title: '一种片层填料改性环氧富锌底漆及其制备方法', year: 2021 },
      { kind: 'paper', title: '石墨烯改性环氧涂层在模拟浪溅区环境中的失效行为与电化学阻抗谱分析', year: 2022 },
      { kind: 'patent', title: '一种低VOC水性环氧防腐涂料及其制备方法', year: 2025 },
    ],
  },
  // —— 江南大学 ——
  'jiangnan-bioprocess': {
    fields: ['biologics'],
    capacity: 3,
    expertise: {
      段志伟: 'CHO细胞高密度培养与代谢调控',
      毛婧: '抗体下游纯化与宿主细胞蛋白去除',
    },
    results: [
      { kind: 'patent', title: '一种提高CHO细胞抗体表达量的流加培养方法', year: 2021 },
      { kind: 'product', title: '化学成分限定CHO细胞无血清培养基', year: 2022 },
      { kind: 'paper', title: '乳酸代谢调控对CHO细胞流加培养抗体产量与质量的影响', year: 2023 },
    ],
  },
  'jiangnan-industrial-ai': {
    fields: ['industrial_internet', 'ai_applications'],
    capacity: 4,
    expertise: {
      程晓东: '工业数据采集与设备健康管理',
    },
    results: [
      { kind: 'product', title: '多协议数控设备数据采集网关', year: 2021 },
      { kind: 'patent', title: '一种基于多源时序数据的数控刀具剩余寿命预测方法', year: 2023 },
      { kind: 'paper', title: '面向离散制造设备预测性维护的工业知识图谱构建方法', year: 2024 },
    ],
  },
  // —— 中国科学院 ——
  'sinano-electrolysis': {
    fields: ['electrolysis'],
    capacity: 4,
    expertise: {
      方静怡: 'PEM电解水低铱析氧催化剂',
      胥磊: '膜电极规模化制备与多孔传输层涂层',
    },
    results: [
      { kind: 'paper', title: '低铱载量IrOx/TiO₂阳极催化剂在PEM电解水中的活性与稳定性', year: 2022 },
      { kind: 'patent', title: '一种卷对卷涂布制备质子交换膜电解水膜电极的方法', year: 2023 },
      { kind: 'product', title: '铱载量0.3mg/cm²的PEM电解水膜电极', year: 2024 },
    ],
  },
  'nimte-fuelcell': {
    fields: ['fuel_cells', 'coatings'],
    capacity: 4,
    expertise: {
      汪立群: '燃料电池金属双极板与碳基导电耐蚀涂层',
    },
    results: [
      { kind: 'patent', title: '一种燃料电池金属双极板非晶碳导电耐蚀涂层及其制备方法', year: 2020 },
      { kind: 'product', title: '非晶碳涂层不锈钢燃料电池双极板', year: 2022 },
      { kind: 'paper', title: '模拟质子交换膜燃料电池环境中非晶碳涂层的腐蚀与接触电阻演化', year: 2023 },
    ],
  },
  'sibet-imaging': {
    fields: ['imaging'],
    capacity: 4,
    expertise: {
      潘志远: '医学超声与光学成像整机研发',
      邹敏: '超声换能器与低功耗前端电路设计',
    },
    results: [
      { kind: 'paper', title: '高频线阵超声换能器匹配层设计与声学性能评价', year: 2020 },
      { kind: 'product', title: '128阵元高频线阵超声探头', year: 2021 },
      { kind: 'patent', title: '一种低功耗便携式超声发射接收前端电路', year: 2022 },
    ],
  },
  // —— 江苏省产业技术研究院 ——
  'jitri-polymer': {
    fields: ['composites', 'advanced_polymers'],
    capacity: 4,
    expertise: {
      姚振邦: '热塑性复合材料界面设计与预浸带成型',
    },
    results: [
      { kind: 'patent', title: '一种耐高温碳纤维上浆剂及其制备方法', year: 2021 },
      { kind: 'paper', title: '耐高温上浆剂对碳纤维/PEEK复合材料层间剪切强度的影响', year: 2022 },
      { kind: 'product', title: '连续碳纤维增强PEEK预浸带', year: 2023 },
    ],
  },
  'jitri-robotics': {
    fields: ['industrial_robots', 'machine_vision', 'smart_factory'],
    capacity: 5,
    expertise: {
      许正阳: '工业机器人系统集成与智能产线',
      龚瑞: '三维视觉引导与点云处理算法',
    },
    results: [
      { kind: 'product', title: '三维视觉引导机器人铸件打磨系统', year: 2020 },
      { kind: 'patent', title: '一种基于力位混合控制的机器人恒力打磨方法', year: 2022 },
      { kind: 'patent', title: '一种基于点云配准的机器人打磨路径自动生成方法', year: 2024 },
    ],
  },
  // —— 其他高校 ——
  'cumt-coal': {
    fields: ['coal_to_chemicals', 'coal_gasification', 'catalysts'],
    capacity: 3,
    expertise: {
      贺建军: '煤制乙二醇工艺优化与合成气净化',
    },
    results: [
      { kind: 'patent', title: '一种煤制乙二醇产品中醛类杂质的加氢精制与吸附组合方法', year: 2020 },
      { kind: 'paper', title: '煤制乙二醇紫外透光率关键杂质的识别与脱除', year: 2021 },
      { kind: 'paper', title: '草酸二甲酯加氢铜基催化剂长周期运行的失活规律', year: 2024 },
    ],
  },
  'nuaa-machining': {
    fields: ['machine_tools', 'ai_applications'],
    capacity: 3,
    expertise: {
      丁海涛: '难加工材料高效切削与超声振动辅助加工',
      阮婕: '刀具状态在线监测与剩余寿命预测',
    },
    results: [
      { kind: 'patent', title: '一种超声振动辅助钻削碳纤维复合材料的制孔方法', year: 2020 },
      { kind: 'paper', title: '基于主轴功率与振动信号融合的刀具剩余寿命预测', year: 2022 },
      { kind: 'patent', title: '一种钛合金铣削刀具磨损在线监测方法', year: 2023 },
    ],
  },
  'njtech-membrane': {
    fields: ['water_treatment'],
    capacity: 3,
    expertise: {
      钟敏: '陶瓷膜制备与高盐废水纳滤分盐',
    },
    results: [
      { kind: 'product', title: '工业废水处理用氧化铝陶瓷超滤膜元件', year: 2019 },
      { kind: 'patent', title: '一种纳滤分盐与蒸发结晶耦合的高盐废水零排放方法', year: 2021 },
      { kind: 'paper', title: '陶瓷膜与催化臭氧耦合处理难降解废水的膜污染控制', year: 2023 },
    ],
  },
  'njtech-battery-safety': {
    fields: ['energy_storage', 'power_batteries'],
    capacity: 3,
    expertise: {
      杭立峰: '锂离子电池热失控机理与储能消防',
      汤悦: '特征气体探测与热失控早期预警算法',
    },
    results: [
      { kind: 'paper', title: '大容量磷酸铁锂电池热失控产气特性与早期预警指标', year: 2021 },
      { kind: 'patent', title: '一种基于氢气与一氧化碳特征气体的储能电池热失控预警方法', year: 2022 },
      { kind: 'product', title: '储能舱多参数热失控早期预警装置', year: 2024 },
    ],
  },
  'cpu-formulation': {
    fields: ['api_process', 'biologics'],
    capacity: 3,
    expertise: {
      袁晓晨: '抗体制剂处方设计与蛋白聚集控制',
    },
    results: [
      { kind: 'patent', title: '一种基于质量源于设计的蛋白药物冻干工艺设计空间确定方法', year: 2020 },
      { kind: 'patent', title: '一种高浓度单克隆抗体皮下注射制剂及其制备方法', year: 2022 },
      { kind: 'paper', title: '高浓度单抗制剂的黏度调控与蛋白聚集机理', year: 2023 },
    ],
  },
  // —— 外地企业研发团队 ——
  'weiding-servo': {
    fields: ['machine_tools', 'energy_efficiency'],
    capacity: 4,
    expertise: {
      韩东: '大功率伺服驱动与超级电容储能能量回馈',
    },
    results: [
      { kind: 'product', title: '伺服压力机用大功率伺服驱动器', year: 2021 },
      { kind: 'patent', title: '一种伺服压力机直流母线超级电容储能与能量回馈控制方法', year: 2022 },
      { kind: 'product', title: '伺服压力机超级电容储能柜', year: 2024 },
    ],
  },
};
