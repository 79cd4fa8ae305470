/** The core flows in Firefox ESR, driven by puppeteer-core over WebDriver BiDi. */
import { defineFlows } from './flows';

defineFlows('firefox');
