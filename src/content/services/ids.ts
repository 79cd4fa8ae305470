/**
 * The AI image services the course covers; ChatGPT first, as the main example.
 * Kept apart from the zod schema so islands can import the ids without zod.
 */
export const SERVICE_IDS = ['chatgpt', 'gemini', 'meta-ai', 'grok', 'copilot', 'le-chat'] as const;
export type ServiceId = (typeof SERVICE_IDS)[number];
