type Row = Record<string, unknown>;

export interface DemoSurvey {
  id: string;
  askerTenantId: string | null;
  asked: Record<string, Row[]>;
  answers: { tenantId: string; answeredAt: string; rows: Record<string, Row[]> }[];
}

/**
 * Timrå's question to its neighbours (KS/2020:543, tjänsteskrivelse 2021-01-05): do you
 * provide support for party groups' digital meetings? As the decision records it: Sundsvall,
 * Kramfors and Härnösand a clear no; Örnsköldsvik yes (council, boards and party groups);
 * Ånge a nuance (Teams, party groups invite outsiders by link); Sollefteå never answered.
 * Nordanstig, the fourth "no", belongs to Gävleborg — outside this association, so not asked here.
 */
export function demoSurveys(regionSlug: string, regionId: string, demoId: (key: string) => string): DemoSurvey[] {
  if (regionSlug !== 'vasternorrland') return [];
  const m = (slug: string) => demoId(`municipality:${slug}`);
  const id = demoId('survey:timra-party-group-rooms');
  const q1 = demoId('survey:timra-party-group-rooms:q1');
  const q2 = demoId('survey:timra-party-group-rooms:q2');
  const recipients = ['sundsvall', 'kramfors', 'harnosand', 'ornskoldsvik', 'ange', 'solleftea'];
  const r = { region_id: regionId, survey_id: id };
  const answer = (slug: string, choice: string, note: string | null) => ({
    tenantId: m(slug),
    answeredAt: '2020-12-28T10:00:00Z',
    rows: {
      survey_answer: [
        { ...r, municipality_id: m(slug), question_id: q1, choice, number: null, text: null },
        { ...r, municipality_id: m(slug), question_id: q2, choice: null, number: null, text: note ?? '' },
      ],
    },
  });
  return [
    {
      id,
      askerTenantId: m('timra'),
      asked: {
        survey: [
          {
            region_id: regionId,
            id,
            asked_by_tenant_id: m('timra'),
            title: 'Stöd för partigruppernas digitala möten',
            intro: 'Kommunstyrelsen i Timrå ser över om partierna ska få tillgång till kommunens system för videokonferens för egna möten (KS/2020:543).',
            deadline: '2020-12-31T16:00:00Z',
            recipients: recipients.map(m),
            created_by: 'sekreterare.timra',
            created_at: '2020-12-14T09:00:00Z',
          },
        ],
        survey_question: [
          { ...r, id: q1, position: 1, text: 'Tillhandahåller ni stöd för partigruppernas digitala möten?', kind: 'choice' },
          { ...r, id: q2, position: 2, text: 'Hur, och för vilka?', kind: 'text' },
        ],
        survey_recipient: recipients.map((slug) => ({ ...r, municipality_id: m(slug) })),
      },
      answers: [
        answer('sundsvall', 'no', null),
        answer('kramfors', 'no', null),
        answer('harnosand', 'no', null),
        answer(
          'ornskoldsvik',
          'yes',
          'Förser fullmäktigeledamöter, nämnder och partigrupperna med digitalt stöd. Frågan kan komma att utredas vidare under våren.',
        ),
        answer('ange', 'partly', 'Har Teams; partigrupperna kan i sin tur bjuda in utomstående kollegor till partimöten via länk.'),
      ],
    },
  ];
}
