/** The core flows in WebKitGTK (the engine of Safari, not Safari itself), driven by WebKitWebDriver. */
import { defineFlows } from './flows';

defineFlows('webkit');
