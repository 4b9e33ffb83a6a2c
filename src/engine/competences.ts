// The 30 competences of ProcurCompEU, the European competency framework for public procurement
// professionals, as stable slugs. Scenarios tag what they train with these, so a player's
// progress maps to a framework employers already use.

export const PROCURCOMPEU_COMPETENCES = {
  planning: 'Planning',
  lifecycle: 'Lifecycle',
  legislation: 'Legislation',
  'e-procurement': 'e-Procurement and other IT tools',
  'sustainable-procurement': 'Sustainable procurement',
  'innovation-procurement': 'Innovation procurement',
  'category-specific': 'Category specific',
  'supplier-management': 'Supplier management',
  negotiations: 'Negotiations',
  'needs-assessment': 'Needs assessment',
  'market-analysis': 'Market analysis and market engagement',
  'procurement-strategy': 'Procurement strategy',
  'technical-specifications': 'Technical specifications',
  'tender-documentation': 'Tender documentation',
  'tender-evaluation': 'Tender evaluation',
  'contract-management': 'Contract management',
  'certification-payment': 'Certification and payment',
  'reporting-evaluation': 'Reporting and evaluation',
  'conflict-resolution': 'Conflict resolution and mediation',
  adaptability: 'Adaptability and modernisation',
  'analytical-thinking': 'Analytical and critical thinking',
  communication: 'Communication',
  'ethics-compliance': 'Ethics and compliance',
  collaboration: 'Collaboration',
  'stakeholder-management': 'Stakeholder relationship management',
  'team-leadership': 'Team management and leadership',
  'organisational-awareness': 'Organisational awareness',
  'project-management': 'Project management',
  'performance-orientation': 'Performance orientation',
  'risk-management': 'Risk management and internal control',
} as const;

export type Competence = keyof typeof PROCURCOMPEU_COMPETENCES;

export const COMPETENCE_IDS = Object.keys(PROCURCOMPEU_COMPETENCES) as [Competence, ...Competence[]];
