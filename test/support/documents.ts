/** Small `kg-article/1` documents for scenarios; each call returns a fresh object to mutate. */
export function articleDoc(id: string, overrides: Record<string, unknown> = {}): Record<string, any> {
  return {
    format: 'kg-article/1',
    article: { id, title: `Article ${id}`, publishedOn: '2023-06-30', language: 'zh' },
    entities: [
      { key: 'zone', type: 'Organization', kind: 'DevelopmentZone', name: '高邮经济开发区', aliases: ['开发区'], evidence: '开发区召开会议。' },
      { key: 'jin', type: 'Person', name: '金锋', evidence: '管委会主任金锋主持会议。' },
      { key: 'uni', type: 'Organization', kind: 'University', name: 'Jiangnan University', aliases: ['江南大学'] },
      { key: 'gaoyou', type: 'Place', kind: 'City', name: '高邮市' },
    ],
    events: [
      {
        key: 'sign',
        type: 'Signing',
        name: '共建签约仪式',
        date: '2023-06-21',
        location: 'zone',
        participants: [
          { entity: 'zone', role: 'signatory' },
          { entity: 'uni', role: 'signatory' },
          { entity: 'jin', role: 'attendee' },
        ],
        evidence: '6月21日,开发区与江南大学举行共建签约仪式。',
      },
    ],
    relations: [
      { type: 'HOLDS_POSITION', from: 'jin', to: 'zone', attributes: { title: '管委会主任' }, evidence: '管委会主任金锋' },
      { type: 'PARTNER_OF', from: 'zone', to: 'uni', since: '2023-06-21', evidence: '开发区与江南大学共建' },
      { type: 'LOCATED_IN', from: 'zone', to: 'gaoyou' },
    ],
    figures: [
      { subject: 'zone', metric: '规模以上工业产值', value: 295, unit: '亿元', period: '2023-H1', change: 0.132, evidence: '规模以上工业产值295亿元,同比增长13.2%' },
    ],
    ...overrides,
  };
}
