# SPDX-License-Identifier: GPL-2.0
# The scripts of teardown_release.cocci: gen-cocci copies this file into
# its @initialize:python@ rule, after the tables it generates from
# rules/teardown.rules (TD_FAMILY, TD_API).  SmPL finds the facts (driver
# objects, calls with their arguments, declarations, statements); what
# SmPL cannot say - the transitive helper closure of probe() and remove(),
# matching a release to an acquisition by the field that holds it, where
# a fence may go - is done here, once per file.
#
# Keys are the plugin's: the field (or global) that holds the resource.
# Without types, a field is known by its name: 'p->base' and 'priv->base'
# are one key; a release through a local whose origin is unknown
# ('free_irq(irq, p)') matches every resource of its family, so the
# doubt always goes to silence.
import re

TD_STRUCT_PTR = re.compile(r'^(const)?struct\w+\*$')
TD_IDENT = re.compile(r'^[A-Za-z_]\w*$')
td_files = {}
# where findings go: report and org mode set theirs (coccilib)
TD_OUT = {'report': lambda pos, msg: None, 'org': lambda pos, msg: None}


class TdFile:
    def __init__(self):
        self.drivers = {}	# object -> [probe, remove text or None]
        self.funcs = set()	# functions defined here
        self.vars = {}		# function -> {name: type}
        self.calls = {}		# function -> [(line, col, callee, args)]
        self.stmts = {}		# function -> [(line, col, is_return)]
        self.acqs = {}		# (line, col) -> acquisition
        self.stores = []	# (function, lhs, rhs): 'p->base = base'
        self.decided = {}	# (line, col) -> plan name, or None
        self.plans = {}		# plan name -> (line, col, where)
        self.closures = {}
        self.reported = set()	# (line, col) of the reported acquisitions
        self.store_cbs = []	# (function, lhs, callback): t.function = cb


def td_file(p):
    name = p[0].file
    if name not in td_files:
        td_files.clear()	# one file at a time: keep memory flat
        td_files[name] = TdFile()
    return td_files[name]


def td_norm(text):
    return re.sub(r'\s+', '', text or '')


def td_split_args(es):
    """An expression list metavariable's arguments, blanks removed."""
    return [td_norm(str(x)) for x in getattr(es, 'elements', ())]


def td_path(text):
    """'&p->chan[i].work' -> ('p', ['chan', 'work']); None if no path."""
    t = td_norm(text)
    while t.startswith('&') or (t.startswith('(') and t.endswith(')')):
        t = t[1:] if t.startswith('&') else t[1:-1]
    t = re.sub(r'\[[^\[\]]*\]', '', t)
    parts = re.split(r'->|\.', t)
    if not all(TD_IDENT.match(x) for x in parts):
        return None
    return parts[0], parts[1:]


def td_is_local(f, fn, name):
    return name in f.vars.get(fn, {})


def td_arg(args, n):
    if n is None:
        return None
    if n == 'ret' or n >= len(args):
        return None
    return args[n]


# ---------------------------------------------------------------- facts

def td_driver(p, obj, probe, remove):
    f = td_file(p)
    d = f.drivers.setdefault(obj, [None, None])
    d[0] = probe
    if remove is not None:
        d[1] = td_norm(remove)


def td_var(p, name, type_, fn=None):
    f = td_file(p)
    fn = fn or p[0].current_element
    if fn == name:		# a global: spatch names it after itself
        return
    f.vars.setdefault(fn, {})[name] = td_norm(type_)


def td_stmt(p, is_return):
    f = td_file(p)
    f.funcs.add(p[0].current_element)
    f.stmts.setdefault(p[0].current_element, []).append(
        (int(p[0].line), int(p[0].column), is_return))


def td_call(p, callee, args):
    f = td_file(p)
    fn = p[0].current_element
    f.funcs.add(fn)
    f.calls.setdefault(fn, []).append(
        (int(p[0].line), int(p[0].column), callee, td_split_args(args)))


def td_assign(p, lhs, rhs, callee=None, args=None):
    """lhs = rhs, or lhs = callee(args) for an acquisition by result."""
    f = td_file(p)
    fn = p[0].current_element
    if callee is None:
        f.stores.append((fn, td_norm(lhs), td_norm(rhs)))
        return
    api = TD_API.get(callee)
    if api and api['role'] == 'acquire' and api['handle'] == 'ret':
        f.acqs[(int(p[0].line), int(p[0].column))] = {
            'fn': fn, 'api': callee, 'handle': td_norm(lhs),
            'args': td_split_args(args), 'line': int(p[0].line)}


def td_store_cb(p, family, lhs, cb):
    """A callback stored into a resource: t->timer.function = cb."""
    td_file(p).store_cbs.append((p[0].current_element, family,
                                 td_norm(lhs), cb))


# ------------------------------------------------------------ analysis

def td_closure(f, roots):
    key = tuple(sorted(r for r in roots if r))
    if key in f.closures:
        return f.closures[key]
    seen, todo = set(), list(key)
    while todo:
        fn = todo.pop()
        if fn in seen or fn not in f.funcs:
            continue
        seen.add(fn)
        todo.extend(c[2] for c in f.calls.get(fn, ()))
    f.closures[key] = seen
    return seen


def td_key_of(f, fn, text):
    """The field or global holding a resource, or '*' if unknown."""
    path = td_path(text)
    if path is None:
        return '*'
    base, members = path
    if members:
        return members[-1]
    if not td_is_local(f, fn, base):
        return base
    # a local: the field it is stored into in the same function
    for sfn, lhs, rhs in f.stores:
        if sfn == fn and rhs == base:
            lpath = td_path(lhs)
            if lpath and lpath[1]:
                return lpath[1][-1]
            if lpath and not td_is_local(f, fn, lpath[0]):
                return lpath[0]
    return '*'


def td_keys_of(f, fn, text):
    """Every name a release's handle goes through, or '*'."""
    path = td_path(text)
    if path is None:
        return '*'
    base, members = path
    if members:
        return set(members)
    if td_is_local(f, fn, base):
        return '*'
    return {base}


def td_uses(f, fns, roles):
    """(function, line, col, api, tag, keys) of the calls in fns."""
    for fn in sorted(fns):
        for line, col, callee, args in f.calls.get(fn, ()):
            api = TD_API.get(callee)
            if not api or api['role'] not in roles:
                continue
            text = td_arg(args, api['id'] if api['id'] is not None
                          else api['handle'])
            yield fn, line, col, callee, TD_FAMILY[api['family']]['tag'] \
                if api['family'] else None, td_keys_of(f, fn, text or '')


def td_released(f, a, tag, key, probe_fns, teardown):
    """Some function other than probe's own releases it (by key), or
    remove() destroys the only workqueues it is queued on."""
    released = set()
    for fn, line, col, api, rtag, keys in td_uses(
            f, f.funcs, ('release', 'async')):
        if fn in probe_fns and fn not in teardown:
            continue
        if keys == '*':
            released.add((rtag, '*'))
        else:
            released.update((rtag, k) for k in keys)
    if td_touches(released, [(tag, key)]) or \
            (key == '*' and any(t == tag for t, k in released)):
        return True
    if tag != TD_FAMILY['work']['tag']:
        return False
    wqs = [td_keys_of(f, fn, td_arg(args, TD_API[c]['wq']) or '')
           for fn in f.funcs for _, _, c, args in f.calls.get(fn, ())
           if c in TD_API and TD_API[c]['role'] == 'queue' and
           key in td_keys_of(f, fn, td_arg(args, TD_API[c]['handle']) or '')]
    wq_tag = TD_FAMILY['workqueue']['tag']
    return bool(wqs) and all(
        w != '*' and td_touches(released, [(wq_tag, k) for k in w])
        for w in wqs)


def td_handed_off(f, a, teardown):
    """remove() passes the resource's container to a function the file
    does not define and the rules do not know: it may release it."""
    base = (td_path(a['handle']) or ('', []))[0]
    want = f.vars.get(a['fn'], {}).get(base)
    for fn in teardown:
        for _, _, callee, args in f.calls.get(fn, ()):
            if callee in f.funcs or callee in TD_API or callee in TD_NEUTRAL:
                continue
            for arg in args:
                path = td_path(arg)
                if not path:
                    continue
                if want and not path[1] and \
                        f.vars.get(fn, {}).get(path[0]) == want:
                    return True
                if not want and base and path[0] == base:
                    return True
    return False


def td_fill(template, a, handle):
    """A fix template (%h handle, %i id, %N argument N, %*N what it
    points to) in the acquiring call's terms."""
    def one(m):
        what = m.group(2)
        if what == 'h':
            text = handle
        elif what == 'i':
            text = td_arg(a['args'], TD_API[a['api']]['id'])
        else:
            text = td_arg(a['args'], int(what))
        if text is None:
            return '?'
        if m.group(1):
            return text[1:] if text.startswith('&') else '*' + text
        return text
    return re.sub(r'%(\*?)(h|i|\d)', one, template)


def td_callbacks(f, fns):
    """{callback: (tag, key)} of the sources acquired in fns."""
    found = {}
    for fn in fns:
        for line, col, callee, args in f.calls.get(fn, ()):
            api = TD_API.get(callee)
            if not api or api['role'] != 'acquire' or not api['callbacks']:
                continue
            a = td_acquisition_at(f, fn, line, col, callee, args)
            tag = TD_FAMILY[api['family']]['tag']
            for n in api['callbacks']:
                cb = td_arg(args, n)
                if cb and TD_IDENT.match(cb):
                    found.setdefault(cb, set()).add((tag, a['key']))
    for fn, family, lhs, cb in f.store_cbs:
        if fn in fns:
            found.setdefault(cb, set()).add(
                (TD_FAMILY[family]['tag'], td_key_of(f, fn, lhs)))
    return found


def td_acquisition_at(f, fn, line, col, callee, args):
    a = f.acqs.get((line, col))
    if a is None:
        api = TD_API[callee]
        a = {'fn': fn, 'api': callee, 'args': args, 'line': line,
             'handle': td_arg(args, api['handle']) or ''}
        f.acqs[(line, col)] = a
    if 'key' not in a:
        api = TD_API[callee]
        text = td_arg(a['args'], api['id']) if api['id'] is not None \
            else a['handle']
        a['key'] = td_key_of(f, fn, text or '')
    return a


def td_effects(f, fns):
    """What a call to fns stops or frees: {(tag, key)...} and 'free'."""
    done = set()
    for fn, line, col, api, tag, keys in td_uses(
            f, fns, ('release', 'async', 'quiesce', 'free')):
        if TD_API[api]['role'] == 'free':
            done.add('free')
        elif keys == '*':
            done.add((tag, '*'))
        else:
            done.update((tag, k) for k in keys)
    return done


def td_touches(effects, resources):
    for tag, key in resources:
        if (tag, key) in effects or (tag, '*') in effects:
            return True
    return False


def td_rebase(f, fn, text, remove):
    """An expression of fn in remove()'s variables: 'p->work' becomes
    'priv->work' when priv is remove()'s one variable of p's type.
    None when some variable of fn has no such counterpart."""
    theirs = f.vars.get(remove, {})
    ok = [True]

    def one(m):
        name = m.group(2)
        if m.group(1) or name not in f.vars.get(fn, {}):
            return m.group(0)	# a field, a global, a function, a macro
        want = f.vars[fn][name]
        same = [v for v, t in sorted(theirs.items()) if t == want]
        if len(same) != 1 or not TD_STRUCT_PTR.match(want):
            ok[0] = False
            return m.group(0)
        return same[0]
    text = re.sub(r'(->|\.)?\b([A-Za-z_]\w*)\b', one, text)
    return text if ok[0] else None


def td_plan(f, a, api, fam, fix, remove):
    """Where remove() can take the fence: after every call that stops a
    source feeding it, before every call that frees memory or releases
    what its callback uses.  None when there is no such place."""
    if not remove or not fix or '[' in fix or '?' in fix:
        return None
    tag, key = fam['tag'], a['key']
    callbacks = td_callbacks(f, f.funcs)
    feeders, uses = set(), set()
    for cb, sources in callbacks.items():
        fed = td_effects_of_use(f, td_closure(f, [cb]))
        if (tag, key) in fed:
            feeders |= sources
        if (tag, key) in sources:
            uses |= fed
    uses.discard((tag, key))
    stmts = sorted(f.stmts.get(remove, ()))
    if not stmts:
        return None
    top = min(s[1] for s in stmts)
    after = before = None
    for line, col, callee, args in sorted(f.calls.get(remove, ())):
        owner = [s for s in stmts if s[:2] <= (line, col)]
        if not owner:
            continue
        owner = owner[-1]
        api2 = TD_API.get(callee)
        effects = td_effects(f, td_closure(f, [callee])) \
            if callee in f.funcs else set()
        if api2 and api2['role'] == 'free':
            effects.add('free')
        elif api2 and api2['role'] in ('release', 'async', 'quiesce'):
            effects |= td_effects_call(f, remove, callee, args)
        feeds = td_touches(effects, feeders)
        frees = 'free' in effects or td_touches(effects, uses)
        if (feeds or frees) and owner[1] != top:
            return None		# inside a branch or loop
        if feeds:
            after = owner
        if frees and before is None:
            before = owner
    if after and before and before <= after:
        return None
    if after:
        where = (after, 'after')
    elif before:
        where = (before, 'before')
    else:
        last = [s for s in stmts if s[1] == top][-1]
        where = (last, 'before' if last[2] else 'after')
    return fix + ';', where


def td_effects_call(f, fn, callee, args):
    api = TD_API[callee]
    text = td_arg(args, api['id'] if api['id'] is not None
                  else api['handle'])
    keys = td_keys_of(f, fn, text or '')
    tag = TD_FAMILY[api['family']]['tag']
    if keys == '*':
        return {(tag, '*')}
    return {(tag, k) for k in keys}


def td_effects_of_use(f, fns):
    """{(tag, key)} a callback's closure arms, queues or touches."""
    fed = set()
    for fn, line, col, api, tag, keys in td_uses(f, fns, ('use', 'queue')):
        if keys != '*':
            fed.update((tag, k) for k in keys)
    # queue_work(wq, w) also needs its workqueue
    wq_tag = TD_FAMILY['workqueue']['tag']
    for fn in fns:
        for _, _, callee, args in f.calls.get(fn, ()):
            api = TD_API.get(callee)
            if api and api['role'] == 'queue' and api['wq'] is not None:
                keys = td_keys_of(f, fn, td_arg(args, api['wq']) or '')
                if keys != '*':
                    fed.update((wq_tag, k) for k in keys)
    return fed


def td_decide(p, report, org):
    """Once per acquiring call: report it if no teardown releases it.
    Returns the fence statement when patch mode has a place for it."""
    f = td_file(p)
    pos = (int(p[0].line), int(p[0].column))
    if pos in f.decided:
        return None
    f.decided[pos] = None
    fn = p[0].current_element
    call = [c for c in f.calls.get(fn, ()) if c[:2] == pos]
    if not call:
        return None
    a = td_acquisition_at(f, fn, pos[0], pos[1], call[0][2], call[0][3])
    api = TD_API[a['api']]
    fam = TD_FAMILY[api['family']]
    handle = a['handle'][1:] if a['handle'].startswith('&') else a['handle']
    actions = [td_arg(args, TD_API[c]['callback'])
               for fn2 in f.funcs for _, _, c, args in f.calls.get(fn2, ())
               if c in TD_API and TD_API[c]['role'] == 'action']
    for obj, (probe, remove) in sorted(f.drivers.items()):
        probe_fns = td_closure(f, [probe])
        if fn not in probe_fns:
            continue
        if remove is not None and not TD_IDENT.match(remove):
            return None		# __exit_p(x), a cast: not ours to judge
        teardown = td_closure(f, [remove] + [x for x in actions if x])
        if td_released(f, a, fam['tag'], a['key'], probe_fns, teardown) \
                or td_handed_off(f, a, teardown):
            return None
        where = '%s()' % fn if fn == probe else \
            '%s() (called from %s())' % (fn, probe)
        fix = td_fill(api['fix'] or fam['fix'] or '?', a, handle)
        rebased = remove and td_rebase(f, fn, fix, remove)
        if rebased:
            fix = rebased
        if remove:
            msg = "%s '%s' %s in %s is never %s on remove; add %s to %s() [%s]" % (
                fam['noun'], handle, fam['did'], where, fam['undone'], fix,
                remove, fam['tag'])
        else:
            msg = "%s '%s' %s in %s is never %s: driver '%s' has no remove() and devres does not release it; call %s in a remove() or use a managed variant [%s]" % (
                fam['noun'], handle, fam['did'], where, fam['undone'], obj,
                fix, fam['tag'])
        report(p[0], msg)
        org(p[0], msg)
        f.reported.add(pos)
        plan = td_plan(f, a, api, fam, rebased, remove)
        if plan is None:
            return None
        stmt, (anchor, where) = plan
        f.plans[td_norm(stmt)] = (anchor[0], anchor[1], where)
        return stmt
    return None


def td_reported(q):
    f = td_file(q)
    return (int(q[0].line), int(q[0].column)) in f.reported


def td_anchor(s, q, where):
    f = td_file(q)
    plan = f.plans.get(td_norm(s))
    return plan is not None and plan == (int(q[0].line), int(q[0].column),
                                         where)


def td_after(s, q):
    return td_anchor(s, q, 'after')


def td_before(s, q):
    return td_anchor(s, q, 'before')
