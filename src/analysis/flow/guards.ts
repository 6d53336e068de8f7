import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, exits, sameFileFunction, unwrap, walk } from '../../util/ast.js';
import { ExpressValidatorChecks } from '../express-validator.js';
import type { Handler } from '../handlers.js';
import type { ValidatorCatalogue } from '../validators.js';
import type { SinkKind } from '../../models/types.js';
import { addressCheckedBy } from './address-guards.js';
import { isResolvedPath } from './idioms.js';
import type { InputLabel } from './labels.js';

type Node = TSESTree.Node;

/**
 * A check in the code and the statements it covers; `kinds` null when it validates the value for every place, else
 * the places it makes the value safe for.
 */
interface GuardCheck {
  checked: Node[];
  region: [number, number];
  kinds: readonly SinkKind[] | null;
}

/** Where a pinned address is safe: the request goes, and the browser is sent, only where the code allows. */
const ADDRESS_KINDS: readonly SinkKind[] = ['url', 'redirect'];

/** Where a name without `..` is safe: it cannot climb out of its folder. */
const PATH_KINDS: readonly SinkKind[] = ['path'];

/** Where a checked expression is known to be valid: after a rejecting guard, or inside the block a check guards. */
export class GuardIndex {
  private readonly guards = new Map<string, GuardCheck[]>();

  /** express-validator's result checks, in a file that imports it. */
  private readonly expressValidator: ExpressValidatorChecks | null;

  constructor(
    private readonly sourceCode: TSESLint.SourceCode,
    private readonly handlers: readonly Handler[],
    private readonly validators: ValidatorCatalogue,
  ) {
    this.expressValidator = ExpressValidatorChecks.forFile(sourceCode);
  }

  /** What a call returns when it hands back the request's validated data (`matchedData(req)`), labelled; else null. */
  validatedData(call: TSESTree.CallExpression, argument: Node, label: InputLabel): InputLabel | null {
    return this.expressValidator?.matchedData(call, argument, label) ?? null;
  }

  /**
   * `if (!check(x)) return …;` or `assert(x, S);` validates `x` for the statements after it in the same block, and
   * `if (check(x)) { … }` inside the block it guards; an address check (see `addressCheckedBy`) only sanitises it
   * for requests and redirects. Keyed by the checked expression's text. Returns the label as it is at `read`.
   */
  guarded(read: Node, label: InputLabel): InputLabel {
    if (label.validated) return label;
    if (this.expressValidator?.validates(read, label)) return { ...label, validated: true };
    const text = this.sourceCode.getText(read);
    let result = label;
    for (const { region, kinds } of this.guardRegions(text)) {
      if (read.range[0] < region[0] || read.range[1] > region[1]) continue;
      if (!kinds) return { ...label, validated: true };
      result = { ...result, sanitizedFor: [...new Set([...result.sanitizedFor, ...kinds])] };
    }
    return result;
  }

  private guardRegions(text: string): GuardCheck[] {
    const cached = this.guards.get(text);
    if (cached) return cached;
    const regions = this.guardChecks().filter((check) => check.checked.some((node) => this.sourceCode.getText(unwrap(node)) === text));
    this.guards.set(text, regions);
    return regions;
  }

  private guardChecksCache: GuardCheck[] | null = null;

  /** Checked expressions whose check makes them safe only as a file path. */
  private readonly pathOnly = new WeakSet<Node>();

  /**
   * Rejecting guards: `if (!isValid(x)) return …`, `if (typeof x !== 'string') throw …`, `if (!/^\w+$/.test(x))
   * return res.status(400)…`, `if (!ALLOWED.includes(x)) return …`, `if (x !== 'a' && x !== 'b') return …` cover
   * what follows them in the block; the same checks without an exit cover the block they guard. A bare presence
   * check (`if (!x) return`) checks nothing about the value. Checks that pin only where a URL points (a relative
   * path, a host allow-list) make the value safe for requests and redirects alone.
   */
  private guardChecks(): GuardCheck[] {
    if (this.guardChecksCache) return this.guardChecksCache;
    const checks: GuardCheck[] = [];
    const afterInBlock = (statement: Node): [number, number] | null => {
      const block = statement.parent;
      if (block?.type !== AST_NODE_TYPES.BlockStatement && block?.type !== AST_NODE_TYPES.Program) return null;
      return [statement.range[1], block.range[1]];
    };
    const visit = (node: Node): void => {
      if (node.type === AST_NODE_TYPES.IfStatement) {
        // After an `if` whose branch exits, the test was false; inside the branch it guards, it was true.
        const exiting = exits(node.consequent);
        const checked = this.checkedBy(node.test, !exiting);
        const pinned = addressCheckedBy(this.sourceCode, node.test, this.checkedBy(node.test, true).concat(this.checkedBy(node.test, false)));
        if (checked.length === 0 && pinned.length === 0) return;
        const region = exiting ? afterInBlock(node) : ([node.consequent.range[0], node.consequent.range[1]] as [number, number]);
        if (!region) return;
        // `includes('..')` keeps a name inside its folder: safe as a path, not as SQL or a command.
        const full = checked.filter((n) => !this.pathOnly.has(n));
        const pathOnly = checked.filter((n) => this.pathOnly.has(n));
        if (full.length > 0) checks.push({ checked: full, region, kinds: null });
        if (pathOnly.length > 0) checks.push({ checked: pathOnly, region, kinds: PATH_KINDS });
        if (pinned.length > 0) checks.push({ checked: pinned, region, kinds: ADDRESS_KINDS });
      } else if (node.type === AST_NODE_TYPES.ExpressionStatement) {
        const expression = unwrap(node.expression);
        const call = expression.type === AST_NODE_TYPES.AwaitExpression ? unwrap(expression.argument) : expression;
        // `assert(x, S)`, `await schema.validate(x)`: throwing checks cover what follows them.
        if (call.type === AST_NODE_TYPES.CallExpression && this.validators.isValidatorCall(call)) {
          const region = afterInBlock(node);
          if (region) checks.push({ checked: call.arguments, region, kinds: null });
        }
      }
    };
    for (const handler of this.handlers) walk(handler.fn.body, this.sourceCode.visitorKeys, visit);
    this.guardChecksCache = checks;
    return checks;
  }

  /**
   * The expressions an `if` test shows to be valid (not merely present) when it evaluates to `outcome`:
   * `isValid(x)` when true, `!isValid(x)` and `x !== 'a'` when false; `x !== 'a' && x !== 'b'` when false (either
   * way `x` is one of the two).
   */
  private checkedBy(test: Node, outcome: boolean): Node[] {
    const node = unwrap(test);
    switch (node.type) {
      case AST_NODE_TYPES.UnaryExpression:
        return node.operator === '!' ? this.checkedBy(node.argument, !outcome) : [];
      case AST_NODE_TYPES.AwaitExpression:
        return this.checkedBy(node.argument, outcome);
      case AST_NODE_TYPES.LogicalExpression: {
        if (node.operator === '??') return [];
        const left = this.checkedBy(node.left, outcome);
        const right = this.checkedBy(node.right, outcome);
        // `a && b` true, or `a || b` false: both held. Otherwise one of them did: only what both sides check.
        if ((node.operator === '&&') === outcome) return [...left, ...right];
        const texts = new Set(right.map((n) => this.sourceCode.getText(unwrap(n))));
        return left.filter((n) => texts.has(this.sourceCode.getText(unwrap(n))));
      }
      case AST_NODE_TYPES.BinaryExpression: {
        if (!['===', '!==', '==', '!='].includes(node.operator)) return [];
        // `===` shows a known type or value when true, `!==` when false.
        if (node.operator.startsWith('!') === outcome) return [];
        const sides = [unwrap(node.left), unwrap(node.right)];
        const typeOf = sides.find((side) => side.type === AST_NODE_TYPES.UnaryExpression && side.operator === 'typeof');
        if (typeOf) return [(typeOf as TSESTree.UnaryExpression).argument];
        // Equality with a literal leaves one known value.
        const literal = sides.findIndex((side) => side.type === AST_NODE_TYPES.Literal || (side.type === AST_NODE_TYPES.TemplateLiteral && side.expressions.length === 0));
        return literal >= 0 ? [sides[1 - literal]!] : [];
      }
      case AST_NODE_TYPES.CallExpression: {
        const callee = unwrap(node.callee);
        const method = calleeName(callee);
        // `if (name.includes('..')) return …`: a name without `..` cannot climb out of its folder.
        const [needle] = node.arguments;
        if (callee.type === AST_NODE_TYPES.MemberExpression && method === 'includes' && needle?.type === AST_NODE_TYPES.Literal && needle.value === '..') {
          if (outcome) return [];
          this.pathOnly.add(callee.object);
          return [callee.object];
        }
        // Every other check passes when it returns true.
        if (!outcome) return [];
        if (this.validators.isGuardCall(node)) return node.arguments;
        if (!method) return [];
        if (callee.type === AST_NODE_TYPES.MemberExpression) {
          // `re.test(x)`, `ALLOWED.includes(x)`, `ids.has(x)`, `validator.isUUID(x)`; `x.match(re)` checks its receiver.
          if (method === 'match') return [callee.object];
          // `if (!full.startsWith(root)) return …` keeps a resolved path inside `root`. Only on a resolved path:
          // raw input passes a prefix test with `uploads/../../etc/passwd`.
          if (method === 'startsWith' && isResolvedPath(this.sourceCode, callee.object)) return [callee.object];
          if (/^(test|includes|has|is[A-Z]\w*|matches)$/.test(method)) return node.arguments;
          return [];
        }
        // A same-file predicate: `if (!isSafeName(x)) return …`.
        return sameFileFunction(this.sourceCode, callee) ? node.arguments : [];
      }
      default:
        return [];
    }
  }
}
