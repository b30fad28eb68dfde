import type { Judgements } from '../types';

/**
 * Graded relevance, judged as a bureau official with a domain expert would: by what the team
 * can actually deliver, not by shared words. 3 = the team's core competence solves the need;
 * 2 = strong, closely related competence; 1 = plausible contributor. Unlisted teams are 0,
 * including the near-misses written into teams.ts (e.g. a cathode-materials team against a BMS
 * need, a medical hydrophilic-coating team against marine anticorrosion, a GaN fast-charger
 * team or a fibre-amplifier team against an RF power amplifier).
 */
export const judgements: Judgements = {
  // ───────────── 新能源 ─────────────
  'ne-ncz-silicon-oxygen': {
    'zju-silicon-crystal': 3,
    'xaut-crystal-furnace': 3, // says 拉晶/单晶炉, never 硅单晶
    'czu-topcon-cells': 1, // characterises concentric-ring wafers, cannot fix the puller
    'sdu-sic-crystal': 1, // crystal-growth thermal-field know-how, other material
  },
  'ne-storage-bms-soc': {
    'seu-bms-estimation': 3,
    'hit-battery-prognostics': 3, // 荷电状态/健康状态 instead of SOC/SOH
    'thu-battery-safety': 1,
    'czhc-storage-rd': 1, // thin profile, right field
    'ujs-new-energy-institute': 1, // generalist
  },
  'ne-grid-forming-pcs': {
    'seu-grid-converters': 3, // 虚拟同步发电机 instead of 构网型
    'zju-power-conversion': 3,
    'hhu-power-system-stability': 2,
    'hit-motor-control': 1,
    'ujs-new-energy-institute': 1,
  },
  'ne-wind-blade-monitoring': {
    'hhu-wind-blade-shm': 3,
    'ncepu-wind-turbine-diagnosis': 2,
    'nuaa-wind-blade-composites': 1, // blade design and manufacture, not monitoring
    'thu-industrial-big-data': 1,
  },
  'ne-sodium-hard-carbon': {
    'njtech-hard-carbon': 3,
    'iop-sodium-ion': 3, // 无定形碳负极 instead of 硬碳
    'sxicc-carbon-materials': 2,
  },

  // ───────────── 新材料 ─────────────
  'nm-cf-pultrusion': {
    'whut-composite-pultrusion': 3,
    'dhu-carbon-fiber-interface': 3,
    'nuaa-wind-blade-composites': 2,
    'sjtu-composite-molding': 2,
    'jitri-advanced-materials': 1,
    'jsfc-carbon-fiber-precursor': 1, // makes the fibre, not the laminate
  },
  'nm-marine-anticorrosion': {
    'qdio-marine-corrosion': 3,
    'csic725-marine-coatings': 3, // 海工涂装体系/耐盐雾 rather than 防腐涂层
    'czu-waterborne-resins': 2,
    'czxc-graphene-company': 1,
    'jitri-advanced-materials': 1,
  },
  'nm-pbat-film': {
    'ciac-biodegradable': 3,
    'scu-polymer-processing': 2,
    'ecust-polymerization': 1,
    'jitri-advanced-materials': 1,
  },
  'nm-cunisi-strip': {
    'csu-copper-alloy': 3,
    'jxust-copper-processing': 2,
    'ustb-advanced-steel': 1,
  },
  'nm-graphene-thermal-film': {
    'nimte-graphene-film': 3,
    'czxc-graphene-company': 2,
    'iccas-polyimide-film': 1,
    'sinano-cnt-fiber': 1,
  },

  // ───────────── 生物医药 ─────────────
  'bm-adc-site-specific': {
    'cpu-adc': 3,
    'szcy-bioconjugation-cdmo': 3,
    'nju-protein-chemistry': 2,
  },
  'bm-flow-chiral-intermediate': {
    'zjut-flow-chemistry': 3,
    'thu-microchemical': 3, // 微反应器/过程强化 instead of 连续流
    'nju-asymmetric-synthesis': 2,
    'njtech-process-safety': 1, // reaction calorimetry for the hazard study
  },
  'bm-tcm-granule-quality': {
    'njucm-tcm-quality': 3,
    'cpu-tcm-analysis': 2,
    'jiangnan-food-extraction': 1,
    'ahtcmu-herb-cultivation': 1,
  },
  'bm-kras-lead-optimization': {
    'simm-structure-drug-design': 3,
    'cpu-medicinal-chemistry': 3,
    'szzx-ai-drug-discovery': 2,
    'nju-asymmetric-synthesis': 1,
    'fudan-cancer-pharmacology': 1, // efficacy models, not chemistry
  },
  'bm-mrna-lnp-stability': {
    'fudan-nucleic-acid-delivery': 3,
    'cpu-lyophilization': 2,
    'zju-drug-microspheres': 1,
    'szxm-mrna-design': 1, // mRNA sequence and IVT, not LNP formulation
  },

  // ───────────── 智能制造 ─────────────
  'im-electrode-defect-inspection': {
    'hust-machine-vision': 3,
    'njust-image-recognition': 3, // 卷积神经网络/图像分割 instead of 视觉检测
    'czsc-vision-integrator': 1, // thin profile
    'nuist-ai-school': 1, // generalist
  },
  'im-casting-grinding-robot': {
    'ujs-force-grinding': 3,
    'hit-robot-dynamics': 2,
    'yzu-welding-robot': 1,
    'czsc-vision-integrator': 1,
  },
  'im-aps-digital-twin': {
    'sjtu-production-scheduling': 3,
    'buaa-digital-twin': 3,
    'yzu-intelligent-manufacturing': 1,
    'cz-mes-implementer': 1,
  },
  'im-multi-agv-scheduling': {
    'seu-multi-robot': 3,
    'sjtu-production-scheduling': 2,
    'nuaa-visual-slam': 2,
    'yzu-intelligent-manufacturing': 1,
    'szyh-agv-maker': 1, // vehicle maker with only small-fleet dispatch
  },

  // ───────────── 半导体光电 ─────────────
  'so-gan-doherty-pa': {
    'seu-rf-power-amplifier': 3,
    'nedi-gan-hemt': 2,
    'uestc-microwave-circuits': 2,
  },
  'so-sic-crystal-growth': {
    'sdu-sic-crystal': 3,
    'cetc46-sic-substrate': 1,
    'xidian-sic-mosfet': 1,
    'zju-silicon-crystal': 1,
    'xaut-crystal-furnace': 1,
    'szxj-sic-powder': 1,
  },
  'so-igbt-silver-sintering': {
    'tju-silver-sintering': 3,
    'hust-packaging-reliability': 3,
    'ime-advanced-packaging': 1, // logic-chip packaging, shares 封装 only
    'xidian-sic-mosfet': 1,
    'wxgx-power-module-thin': 1,
  },
  'so-microled-mass-transfer': {
    'nju-microled': 3,
    'xmu-led-epitaxy': 2,
    'hust-laser-micromachining': 2,
    'szxj-mini-led': 1,
  },
  'so-fiber-combiner': {
    'siom-fiber-laser': 3,
    'whrg-fiber-components': 3,
    'zju-fiber-amplifier': 1,
    'hust-laser-micromachining': 1,
  },

  // ───────────── 氢能 ─────────────
  'h2-low-pt-mea': {
    'dicp-fuel-cell': 3,
    'whut-ccm': 3, // 催化剂涂覆膜/CCM instead of 膜电极
    'tongji-fc-vehicle': 2,
    'sjtu-pem-electrolysis': 1, // electrolyser MEA, shares 膜电极
    'zjgqy-hydrogen-thin': 1,
  },
  'h2-alkaline-electrode': {
    'tju-electrocatalysis': 3, // 析氢/析氧电催化 instead of 电解水制氢
    'csic718-alkaline': 3,
    'sjtu-pem-electrolysis': 1,
  },
  'h2-type4-liner': {
    'zju-hp-hydrogen-vessels': 3,
    'buct-barrier-polymers': 2,
    'csei-hydrogen-safety': 2,
    'whut-composite-pultrusion': 1,
    'dhu-carbon-fiber-interface': 1,
  },
  'h2-diaphragm-compressor': {
    'xjtu-compressor': 3,
    'ysu-hydraulics': 1,
    'csei-hydrogen-safety': 1,
    'zju-hp-hydrogen-vessels': 1,
    'zjgqy-hydrogen-thin': 1,
    'shhy-hrs-epc': 1,
  },

  // ───────────── 现代煤化工 ─────────────
  'cc-gasifier-slag-tapping': {
    'ecust-gasification': 3,
    'tyut-coal-ash': 3,
    'cumt-coal-preparation': 1,
    'nxmh-coal-chem-thin': 1,
    'wust-refractories': 1, // refractory wear under flux is part of the problem
  },
  'cc-mto-catalyst-life': {
    'dicp-mto': 3,
    'nankai-zeolite': 2,
    'xmu-heterogeneous-catalysis': 1,
    'njtech-adsorbents': 1,
    'nxmh-coal-chem-thin': 1,
  },
  'cc-coal-tar-hydrogenation': {
    'upc-hydroprocessing': 3,
    'nwu-coal-tar': 2,
    'sxicc-carbon-materials': 1,
  },
  'cc-co2-methanol-catalyst': {
    'sari-co2-conversion': 3,
    'yzu-c1-catalysis': 2,
    'xmu-heterogeneous-catalysis': 2,
  },

  // ───────────── 高端装备 ─────────────
  'eq-spindle-thermal-error': {
    'hust-cnc-precision': 3,
    'cqu-motorized-spindle': 3,
    'tju-precision-measurement': 2,
    'nuaa-tool-condition': 1,
    'dlut-machine-tool-dynamics': 1,
  },
  'eq-piston-pump-noise': {
    'zju-fluid-power': 3,
    'ysu-hydraulics': 3, // 液压振动/压力脉动 instead of 降噪
    'nju-acoustics': 1,
  },
  'eq-shafting-vibration': {
    'heu-ship-vibration': 3,
    'sjtu-vibration-control': 2,
    'nju-acoustics': 1,
    'just-shipbuilding': 1,
  },
  'eq-tbm-cutter-wear': {
    'csu-tbm': 3,
    'crtg-tbm-lab': 3,
    'nuaa-tool-condition': 1, // machine-tool wear monitoring, shares 刀具磨损
  },

  // ───────────── 新一代信息技术 ─────────────
  'it-equipment-anomaly': {
    'nju-timeseries': 3,
    'thu-industrial-big-data': 3,
    'ncepu-wind-turbine-diagnosis': 2,
    'yzu-intelligent-manufacturing': 1,
    'nuist-ai-school': 1,
    'xjtu-fault-diagnosis': 2,
  },
  'it-maintenance-llm': {
    'suda-nlp': 3,
    'njzx-llm-company': 3, // 检索增强生成/企业知识库 instead of 大模型问答
    'seu-knowledge-graph': 2,
    'nuist-ai-school': 1,
  },
  'it-lowpower-sensor-node': {
    'seu-iot-lowpower': 3,
    'wxwg-iot-hardware': 3,
    'njupt-wsn': 2,
    'sinano-mems-sensors': 1,
    'suda-wearable-monitoring': 1,
  },
  'it-edge-model-deploy': {
    'casia-model-compression': 3,
    'seu-ai-chip': 2,
    'njust-image-recognition': 2,
    'hust-machine-vision': 1,
    'nuist-ai-school': 1,
  },

  // ───────────── 汽车及零部件 ─────────────
  'au-cfrp-battery-cover': {
    'hnu-body-lightweight': 3,
    'sjtu-composite-molding': 3,
    'dhu-carbon-fiber-interface': 2,
    'whut-composite-pultrusion': 2,
    'nuaa-wind-blade-composites': 1,
    'szqn-aerogel-protection': 1, // fire liner only, not the composite cover
  },
  'au-edrive-whine': {
    'ujs-pm-motor': 3,
    'cqu-gear-transmission': 3,
    'sjtu-vibration-control': 2,
    'nju-acoustics': 1,
    'hit-motor-control': 1,
    'jlu-vehicle-acoustics': 1,
  },
  'au-4d-radar-perception': {
    'bit-radar-signal': 3,
    'tongji-autonomous-perception': 2,
    'uestc-microwave-circuits': 1,
    'nuaa-visual-slam': 1,
    'njxw-radar-mmic': 1,
  },
  'au-emb-actuator': {
    'tsinghua-bywire-chassis': 3,
    'jlu-brake': 2,
    'hit-motor-control': 2,
    'wzrc-auto-parts-thin': 1,
  },

  // ───────────── 医疗器械 ─────────────
  'md-low-dose-ct': {
    'seu-ct-reconstruction': 3,
    'siat-medical-imaging': 3, // 神经网络去噪/稀疏角度重建 instead of 深度学习重建
    'zju-medical-image-analysis': 1, // diagnosis on images, not reconstruction
    'shym-ct-detector': 1,
  },
  'md-microfluidic-poct': {
    'sibet-microfluidic': 3,
    'szhj-clia-reagents': 2,
    'seu-biosensing': 2,
  },
  'md-mg-stent': {
    'imr-biodegradable-metal': 3,
    'sjtu-magnesium-alloys': 2,
    'szmt-vascular-devices': 2,
    'suda-medical-hydrophilic': 1,
  },
  'md-lower-limb-exo': {
    'usst-rehab': 3,
    'seu-rehab-robot': 3,
    'hit-robot-dynamics': 1,
    'czkj-rehab-thin': 1,
    'njmu-stroke-rehab': 1, // clinical evaluation partner
  },

  // ───────────── 节能环保 ─────────────
  'es-vocs-zeolite-rotor': {
    'zju-vocs': 3,
    'njtech-adsorbents': 2,
    'czu-catalytic-oxidation': 2,
    'nankai-zeolite': 1,
    'yzqy-env-thin': 1,
  },
  'es-lib-recycling': {
    'csu-hydrometallurgy': 3,
    'czgx-battery-dismantling': 2,
    'suda-cathode-materials': 1,
  },
  'es-waste-heat-steam': {
    'sjtu-heat-pump': 3,
    'xjtu-orc': 2,
    'ujs-heat-transfer': 2,
    'xjtu-compressor': 1,
  },
  'es-dyeing-concentrate': {
    'nju-advanced-oxidation': 3,
    'dhu-dyeing-wastewater': 3,
    'njtech-ceramic-membrane': 2,
    'hhu-bio-treatment': 1,
    'yzqy-env-thin': 1,
  },
};
