/**
 * Technical terms jieba's general dictionary splits wrongly (碳化硅 → 碳化/化硅, 铁锂 …).
 * Loaded into the segmenter used for search and matching; extend it as needs arrive.
 * One term per entry; the segmenter gives them a high frequency so they stay whole.
 */
export const domainTerms: readonly string[] = [
  // energy and storage
  '磷酸铁锂', '三元正极', '固态电解质', '硅碳负极', '储能电芯', '电池管理系统', '热失控', '快充', '钠离子电池',
  '钙钛矿', 'TOPCon', '异质结', '银浆', '细栅', '钝化', '光伏组件', '逆变器', '风电叶片',
  // hydrogen
  '电解槽', '碱性电解', '质子交换膜', '膜电极', '催化层', '气体扩散层', '双极板', '燃料电池', '储氢', '加氢站', '析氢', '析氧',
  // semiconductors and optics
  '硅单晶', '单晶硅', '碳化硅', '氮化镓', '栅氧', '功率放大器', '射频前端', '毫米波', '功率器件', '外延片', '晶圆', '封装测试', '光刻', 'MOSFET', 'IGBT', 'LED', '激光器',
  // materials
  '碳纤维复合材料', '复合材料', '碳纤维', '预浸料', '树脂基体', '高分子', '聚酰亚胺', '涂层', '防腐', '轻量化', '高温合金', '石墨烯',
  // manufacturing and IT
  '机器视觉', '工业机器人', '伺服', '数字孪生', '工业软件', '数控机床', '缺陷检测', '预测性维护',
  // bio and medical
  '原料药', '制剂', '抗体', '细胞培养', '体外诊断', '医学影像', '探测器', '植入物',
  // environment
  '高盐废水', '零排放', '固废', 'VOCs', '脱硫', '脱硝', '余热回收',
];
