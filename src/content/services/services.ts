/**
 * The six services the course covers, with the EU controller and privacy contact
 * each names in its own privacy policy (read on 2026-12-02, from the copies kept by
 * Open Terms Archive, github.com/OpenTermsArchive/genai-eu-versions, commit 4812532,
 * recorded up to 2026-08-22). Plain data with types only, so the letter island can
 * import it without zod; tests/unit/kit-content.test.ts parses it with `serviceSchema`.
 */
import type { Service, ServiceId } from '../schemas/service';

const OTA = 'Open Terms Archive, genai-eu-versions @ 4812532';
const READ = '2026-12-02';

export const SERVICES: readonly Service[] = [
  {
    id: 'chatgpt',
    name: 'ChatGPT',
    maker: 'OpenAI',
    controllers: {
      // Europe privacy policy §12: EEA and Switzerland → OpenAI Ireland; "anywhere else" (UK included) → OpenAI OpCo.
      eea: {
        name: 'OpenAI Ireland Limited',
        address: '1st Floor, The Liffey Trust Centre, 117-126 Sheriff Street Upper, Dublin 1, D01 YC43, Ireland',
        confirmed: true,
      },
      ch: {
        name: 'OpenAI Ireland Limited',
        address: '1st Floor, The Liffey Trust Centre, 117-126 Sheriff Street Upper, Dublin 1, D01 YC43, Ireland',
        confirmed: true,
      },
      uk: { name: 'OpenAI OpCo, LLC', address: '1455 Third Street, San Francisco, California 94158, United States', confirmed: true },
      other: { name: 'OpenAI OpCo, LLC', address: '1455 Third Street, San Francisco, California 94158, United States', confirmed: true },
    },
    requestTo: ['https://privacy.openai.com', 'dsar@openai.com'],
    dpo: 'dpo@openai.com',
    source: {
      url: 'https://openai.com/policies/eu-privacy-policy/',
      title: 'Europe privacy policy',
      version: '2026-06-04',
      read: READ,
      archive: `${OTA} (ChatGPT/Privacy Policy.md)`,
    },
  },
  {
    id: 'gemini',
    name: 'Google Gemini',
    maker: 'Google',
    controllers: {
      // Google Privacy Policy (EU version, effective 2 April 2026), "Data controller".
      eea: { name: 'Google Ireland Limited', address: 'Gordon House, Barrow Street, Dublin 4, Ireland', confirmed: true },
      ch: { name: 'Google Ireland Limited', address: 'Gordon House, Barrow Street, Dublin 4, Ireland', confirmed: true },
      uk: { name: 'Google LLC', address: '1600 Amphitheatre Parkway, Mountain View, California 94043, USA', confirmed: true },
      other: { name: 'Google LLC', confirmed: false },
    },
    requestTo: ['https://support.google.com/policies/troubleshooter/7575787'],
    source: {
      url: 'https://policies.google.com/privacy?hl=en-GB&gl=IE',
      title: 'Google Privacy Policy',
      version: '2026-04-02',
      read: READ,
      archive: `${OTA} (Google Generative AI Services/Privacy Policy.md)`,
    },
  },
  {
    id: 'meta-ai',
    name: 'Meta AI',
    maker: 'Meta',
    controllers: {
      // Meta AIs Terms of Service (EU), effective 13 May 2026: the agreement is with Meta Platforms Ireland Limited.
      // Meta's privacy policy itself is not in the archive we read: the other zones stay unconfirmed.
      eea: { name: 'Meta Platforms Ireland Limited', address: 'Merrion Road, Dublin 4, D04 X2K5, Ireland', confirmed: true },
      ch: { name: 'Meta Platforms Ireland Limited', confirmed: false },
      uk: { name: 'Meta Platforms Ireland Limited', confirmed: false },
      other: { name: 'Meta Platforms, Inc.', confirmed: false },
    },
    requestTo: ['Meta Platforms Ireland Limited, ATTN: Operations, Merrion Road, Dublin 4, D04 X2K5, Ireland'],
    source: {
      url: 'https://www.facebook.com/legal/ai-terms',
      title: 'Meta AIs Terms of Service (EU)',
      version: '2026-05-13',
      read: READ,
      archive: `${OTA} (Meta AI/Terms of Service.md)`,
    },
  },
  {
    id: 'grok',
    name: 'xAI Grok',
    maker: 'xAI',
    controllers: {
      // xAI Privacy Policy (effective 4 April 2026) and its Europe addendum §13.1: X.AI LLC (USA) is the controller
      // for the EEA, the UK and Switzerland; it names representatives (Lionheart Squared) in each.
      eea: { name: 'X.AI LLC', confirmed: true },
      ch: { name: 'X.AI LLC', confirmed: true },
      uk: { name: 'X.AI LLC', confirmed: true },
      other: { name: 'X.AI LLC', confirmed: true },
    },
    requestTo: [
      'privacy@x.ai',
      'Lionheart Squared (Europe) Ltd, FAO x.ai, 2 Pembroke House, Upper Pembroke Street 28-32, Dublin, D02 EK84, Ireland (xai@lionheartsquared.eu)',
    ],
    dpo: 'privacy@x.ai',
    source: {
      url: 'https://x.ai/legal/privacy-policy',
      title: 'xAI Privacy Policy and Europe Privacy Policy Addendum',
      version: '2026-04-04',
      read: READ,
      archive: `${OTA} (Grok/Privacy Policy.md)`,
    },
  },
  {
    id: 'copilot',
    name: 'Microsoft Copilot',
    maker: 'Microsoft',
    controllers: {
      // Microsoft Privacy Statement (last updated July 2026), "How to contact us".
      eea: {
        name: 'Microsoft Ireland Operations Limited',
        address: 'Attn: Data Protection Officer, One Microsoft Place, South County Business Park, Leopardstown, Dublin 18, Ireland',
        confirmed: true,
      },
      ch: {
        name: 'Microsoft Ireland Operations Limited',
        address: 'Attn: Data Protection Officer, One Microsoft Place, South County Business Park, Leopardstown, Dublin 18, Ireland',
        confirmed: true,
      },
      uk: {
        name: 'Microsoft Ireland Operations Limited',
        address: 'Attn: Data Protection Officer, One Microsoft Place, South County Business Park, Leopardstown, Dublin 18, Ireland',
        confirmed: true,
      },
      other: { name: 'Microsoft Corporation', confirmed: true },
    },
    requestTo: ['https://go.microsoft.com/fwlink/?linkid=2126612'],
    dpo: 'Microsoft Ireland Operations Limited, Attn: Data Protection Officer, One Microsoft Place, South County Business Park, Leopardstown, Dublin 18, Ireland',
    source: {
      url: 'https://privacy.microsoft.com/privacystatement',
      title: 'Microsoft Privacy Statement (last updated July 2026)',
      read: READ,
      archive: `${OTA} (Microsoft Copilot/Privacy Policy.md)`,
    },
  },
  {
    id: 'le-chat',
    name: 'Mistral Le Chat',
    maker: 'Mistral AI',
    controllers: {
      // Mistral AI Privacy Policy (effective 8 April 2026) §1: one controller, in Paris, for everyone.
      eea: { name: 'Mistral AI', address: '15 rue des Halles, 75001 Paris, France', confirmed: true },
      ch: { name: 'Mistral AI', address: '15 rue des Halles, 75001 Paris, France', confirmed: true },
      uk: { name: 'Mistral AI', address: '15 rue des Halles, 75001 Paris, France', confirmed: true },
      other: { name: 'Mistral AI', address: '15 rue des Halles, 75001 Paris, France', confirmed: true },
    },
    requestTo: ['https://mistral.ai/en/contact ("Privacy Requests")'],
    dpo: 'Mistral AI, Attn: DPO, 15 rue des Halles, 75001 Paris, France',
    source: {
      url: 'https://legal.mistral.ai/terms/privacy-policy',
      title: 'Mistral AI Privacy Policy',
      version: '2026-04-08',
      read: READ,
      archive: `${OTA} (Le Chat/Privacy Policy.md)`,
    },
  },
];

/** One service by id (the list holds every id of SERVICE_IDS; a test checks it). */
export function serviceById(id: ServiceId): Service {
  const found = SERVICES.find((s) => s.id === id);
  if (!found) throw new Error(`services: no service "${id}"`);
  return found;
}
