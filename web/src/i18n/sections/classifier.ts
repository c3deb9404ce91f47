/** UI text of the classifier's performance report (模型表现) in the administration: zh-CN first; en has every key. */
export const zh = {
  'classifier.performance': '模型表现（近 30 天已确认分类）',
  'classifier.performance.help':
    '用所选模型对近 30 天已办结投诉重新分类，与处理人员确认的一级分类比较；切换模型前先看看重新训练的模型是否更好。',
  'classifier.performance.model': '模型',
  'classifier.performance.summary': '共 {rows} 件，准确率 {accuracy}',
  'classifier.performance.capped': '（只检查了最新的 {rows} 件）',
  'classifier.performance.class': '一级分类',
  'classifier.performance.rows': '件数',
  'classifier.performance.correct': '分对',
  'classifier.performance.recall': '召回率',
  'classifier.performance.confusion': '混淆矩阵（行：确认的分类；列：模型给出的分类）',
  'classifier.performance.none': '上列以外/无',
  'classifier.performance.empty': '近 30 天没有已办结的投诉',
  'classifier.model.starter': '内置',
  'classifier.model.file': '文件训练',
  'classifier.model.complaints': '投诉训练',
  'classifier.model.trained': '{time} 训练，{rows} 条',
  'classifier.model.active': '使用中',
};

export const en: Record<keyof typeof zh, string> = {
  'classifier.performance': 'Model performance (categories confirmed in the last 30 days)',
  'classifier.performance.help':
    'The chosen model classifies again the complaints closed in the last 30 days and is compared with the level-1 categories handlers confirmed; check whether a retrained model does better before switching.',
  'classifier.performance.model': 'Model',
  'classifier.performance.summary': '{rows} complaints, accuracy {accuracy}',
  'classifier.performance.capped': '(only the newest {rows} were checked)',
  'classifier.performance.class': 'Level-1 category',
  'classifier.performance.rows': 'Complaints',
  'classifier.performance.correct': 'Right',
  'classifier.performance.recall': 'Recall',
  'classifier.performance.confusion': 'Confusion (rows: confirmed category; columns: the model’s category)',
  'classifier.performance.none': 'Another category / none',
  'classifier.performance.empty': 'No complaint was closed in the last 30 days',
  'classifier.model.starter': 'built in',
  'classifier.model.file': 'trained from a file',
  'classifier.model.complaints': 'trained from complaints',
  'classifier.model.trained': 'trained {time}, {rows} rows',
  'classifier.model.active': 'in use',
};
