/**
 * What the demo's contracts are made of: the teams' evidence, the publishers' comments, the
 * reasons for extensions and termination, acceptance and outcome reports. The steps that play
 * them through the contracts service are in ../contracts.ts.
 */
export const contractTexts = {
  toolWearNode1:
    '已完成刀具磨损状态识别模型的技术方案与特征工程研究，基于两家客户约600把刀的主轴负载与进给数据建立了多工况特征库，离线识别准确率91.2%。附技术方案与机理研究报告。',
  toolWearExtension:
    '第二家验证客户因产线改造推迟开放钻削工序的现场数据接口约6周，小试验证所需的样本尚未采集完毕，申请将本节点延期两个月。',

  vacuumNode1:
    '完成真空系统泄漏机理分析与检测方案设计，在1台4400吨压铸机上加装3个压力传感器并采集了约2万模次的真空曲线。附技术方案与机理研究报告。',
  vacuumNode2:
    '完成小试验证：在试验窗口人为设置24次不同程度的泄漏，检出22次，位置判别正确19次。附小试验证报告及检测数据。',
  vacuumNode2Returned:
    '泄漏设置次数少于榜单要求的40次，且未包含抽气通道堵塞工况；请补足样本并提供第三方检测报告后重新提交。',
  vacuumExtension: '公司第二台压铸机大修，试验窗口推迟约两个月，申请将中试验证节点顺延。',
  vacuumRoute3Node1:
    '基于声发射的泄漏定位路线：完成传感器选型与布置方案、背景噪声分析和泄漏声学特征提取，附技术方案与机理研究报告及现场采集数据说明。',

  brokerName: '扬州市技术转移中心 王海燕',
  registrationNo: '2026321002000417',
  cellNode1: '完成化成分容数据清洗与特征提取，建立自放电快速判定的初步模型，在5000只电芯上离线验证检出率93%。附技术方案与机理研究报告。',
  cellNode2: '在中试线完成1.2万只电芯的对比验证：静置3天判定，自放电异常检出率96.1%，误判率0.8%。附小试样品检测报告。',
  cellNode3: '快速分选方法已在中试线上线运行，完成2.1万只电芯对比验证，形成分选判定规则与作业指导书。附中试验证报告与工艺包。',
  cellAcceptance:
    '经验收专家组现场核查，三项技术指标均达到合同约定：分选静置时间3天，自放电异常电芯检出率96.1%，误判率0.8%。资料齐全，经费使用规范，验收等级良好。',
  cellOutcome: {
    product: '储能电芯快速分选系统已在公司两条产线应用，库房占用减少约70%',
    revenueYuan: 3_200_000,
    patents: 2,
    note: '节约测试通道和库房费用，并已向一家同行企业推广。',
  },
  cellPenalty:
    '第一节点逾期六周未提交任何材料，经三次督办仍无回应；团队负责人调离后未按约定报告变更，经费使用情况无法说明。依据合同约定终止，记入科研诚信记录。',
  cellTermination:
    '团队采用的电化学阻抗快速判定路线经中期专家论证，在量产节拍下无法达到检出率要求；团队已按约定开展研究并如实报告，经甲乙双方协商一致终止合同，按容错免责处理。',
};
