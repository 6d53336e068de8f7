import { createRule } from '../util/create-rule.js';

export default createRule<[], 'x'>({
  name: 'no-permissive-cors',
  meta: { type: 'problem', docs: { description: 'Placeholder rule', recommended: 'recommended' }, schema: [], messages: { x: 'x' } },
  defaultOptions: [],
  create() {
    return {};
  },
});
