// `node --import` this file to install ./hold-module-load.mjs as a module customization hook.
import { register } from 'node:module';

register('./hold-module-load.mjs', import.meta.url);
