/**
 * Licences of the code and weights the scan ships under /models/ (and the
 * small library bundled into its worker), with where each licence was
 * established, for the credits page. Checked 2026-12-02. A weight whose
 * licence could not be established is not shipped: Human's CenterNet object
 * model (upstream 610265158/mobilenetv3_centernet has no licence file) is
 * replaced by NanoDet, and FaceRes (HSE_FaceRec_tf, no licence file) is not
 * copied at all.
 */
import { z } from 'zod';

export const creditSchema = z.object({
  /** Stable key: the credits page finds its translated texts under `item.<id>.*` in the credits namespace. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** What it is, as the credits page names it. */
  name: z.string().min(1),
  /** npm package and exact version it ships from. */
  pkg: z.string().min(1),
  version: z.string().min(1),
  /** What the scan uses it for. */
  use: z.string().min(1),
  kind: z.enum(['code', 'weights', 'data']),
  /** SPDX identifier. */
  licence: z.string().min(1),
  /** Where the licence was established (file read, field checked). */
  source: z.string().min(1),
  /** Anything a reader of the credits should know (training data, provenance gaps). */
  note: z.string().optional(),
});
export type Credit = z.infer<typeof creditSchema>;

/** The day the licences below were last established (ISO date), shown on the credits page. */
export const CREDITS_CHECKED = '2026-12-02';

export const CREDITS: readonly Credit[] = z.array(creditSchema).parse([
  {
    id: 'human',
    name: 'Human',
    pkg: '@vladmandic/human',
    version: '3.3.6',
    use: 'face and object detection pipeline (dist/human.esm.js)',
    kind: 'code',
    licence: 'MIT',
    source: 'package.json "license" and the LICENSE file in the npm package',
  },
  {
    id: 'tfjs',
    name: 'TensorFlow.js (core and CPU/WASM backends, bundled in Human)',
    pkg: '@vladmandic/human',
    version: '3.3.6 (bundles tfjs 4.22.0)',
    use: 'runs the models',
    kind: 'code',
    licence: 'Apache-2.0',
    source: '@tensorflow/tfjs-backend-wasm@4.22.0 package.json "license"; the tfjs repository is Apache-2.0',
  },
  {
    id: 'tfjs-wasm',
    name: 'TensorFlow.js WebAssembly backend binaries',
    pkg: '@tensorflow/tfjs-backend-wasm',
    version: '4.22.0',
    use: 'tfjs-backend-wasm-simd.wasm and tfjs-backend-wasm.wasm',
    kind: 'code',
    licence: 'Apache-2.0',
    source: 'package.json "license"',
  },
  {
    id: 'blazeface',
    name: 'BlazeFace face detector',
    pkg: '@vladmandic/human',
    version: '3.3.6',
    use: 'finds faces (models/blazeface.json, .bin)',
    kind: 'weights',
    licence: 'Apache-2.0',
    source: 'model JSON "generatedBy": github.com/google/mediapipe (converted by vladmandic); MediaPipe is Apache-2.0 (research vision-2026-12 §5)',
  },
  {
    id: 'facemesh',
    name: 'FaceMesh',
    pkg: '@vladmandic/human',
    version: '3.3.6',
    use: 'confirms each face (its score rejects animal faces) and tightens its box (models/facemesh.json, .bin)',
    kind: 'weights',
    licence: 'Apache-2.0',
    source: 'model JSON "generatedBy": github.com/google/mediapipe; MediaPipe is Apache-2.0 (research vision-2026-12 §5)',
  },
  {
    id: 'nanodet',
    name: 'NanoDet object detector (COCO classes)',
    pkg: '@vladmandic/human-models',
    version: '3.0.4',
    use: 'finds objects such as screens, books, cars (models/nanodet.json, .bin)',
    kind: 'weights',
    licence: 'Apache-2.0',
    source:
      'model JSON "generatedBy": github.com/RangiLyu/nanodet, whose LICENSE is Apache-2.0 (read for research vision-2026-12 §2); the package itself is MIT',
    note: 'Trained on COCO, whose annotations are CC BY 4.0 and images come from Flickr under their own terms.',
  },
  {
    id: 'tesseract-js',
    name: 'tesseract.js',
    pkg: 'tesseract.js',
    version: '7.0.0',
    use: 'reads text (tesseract.esm.min.js and its worker, worker.min.js)',
    kind: 'code',
    licence: 'Apache-2.0',
    source: 'package.json "license" and LICENSE.md in the npm package',
  },
  {
    id: 'tesseract-core',
    name: 'Tesseract OCR engine, compiled to WebAssembly',
    pkg: 'tesseract.js-core',
    version: '7.0.0',
    use: 'the LSTM-only cores (relaxed SIMD, SIMD, plain)',
    kind: 'code',
    licence: 'Apache-2.0',
    source: 'package.json "license" and the LICENSE file in the npm package; it embeds Leptonica (BSD-2-Clause style licence)',
  },
  {
    id: 'tessdata',
    name: 'Tesseract French and English models (tessdata_best, integer)',
    pkg: '@tesseract.js-data/fra, @tesseract.js-data/eng',
    version: '1.0.0',
    use: '4.0.0_best_int/fra.traineddata.gz and eng.traineddata.gz',
    kind: 'data',
    licence: 'Apache-2.0',
    source:
      'github.com/tesseract-ocr/tessdata_best README: "All data in the repository are licensed under the Apache-2.0 License"; the npm packages say MIT in package.json',
  },
  {
    id: 'wasm-feature-detect',
    name: 'wasm-feature-detect',
    pkg: 'wasm-feature-detect',
    version: '1.9.0',
    use: 'picks the Tesseract core this browser can run (bundled in the scan worker)',
    kind: 'code',
    licence: 'Apache-2.0',
    source: 'package.json "license" and the LICENSE file in the npm package',
  },
  // The opt-in guesses tier (issue #16, src/features/vision/guesses/). Checked 2026-12-07.
  {
    id: 'face-api',
    name: 'face-api (vladmandic fork of face-api.js)',
    pkg: '@vladmandic/face-api',
    version: '1.7.15',
    use: 'runs the age/gender and expression networks in the guesses tier (dist/face-api.esm.js, which bundles tfjs 4.22.0, Apache-2.0)',
    kind: 'code',
    licence: 'MIT',
    source: 'package.json "license" and the LICENSE file in the npm package; tfjs versions from its dist/tfjs.version.js',
  },
  {
    id: 'face-api-age-gender',
    name: 'face-api.js age and gender network',
    pkg: '@vladmandic/face-api',
    version: '1.7.15',
    use: 'guesses age and gender presentation from a face (model/age_gender_model.bin and its manifest)',
    kind: 'weights',
    licence: 'MIT',
    source:
      'trained and published by justadudewhohacks in github.com/justadudewhohacks/face-api.js (MIT LICENSE), shipped unchanged in the MIT npm package (research vision-2026-12 §2, §5)',
    note: 'Trained on UTKFace, FG-NET, ChaLearn, IMDB-WIKI, CACD, MegaAge and MegaAge-Asian (face-api.js README), datasets whose own terms are mostly research-only. Its author reports a mean age error of 4.54 years and 95 % gender accuracy, worse for young children (gender 69 % at 0-3 years, 80 % at 4-8). It outputs two genders only.',
  },
  {
    id: 'face-api-expression',
    name: 'face-api.js face expression network',
    pkg: '@vladmandic/face-api',
    version: '1.7.15',
    use: 'guesses one of seven expressions from a face (model/face_expression_model.bin and its manifest)',
    kind: 'weights',
    licence: 'MIT',
    source:
      'trained and published by justadudewhohacks in github.com/justadudewhohacks/face-api.js (MIT LICENSE), shipped unchanged in the MIT npm package (research vision-2026-12 §2, §5)',
    note: 'Trained "on a variety of images from publicly available datasets as well as images scraped from the web" (face-api.js README): the data and its terms are not listed. Reads expressions, not feelings.',
  },
]);
