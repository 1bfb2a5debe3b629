# SPDX-License-Identifier: GPL-2.0
# The scripts of teardown_release.cocci: gen-cocci copies this file into
# its @initialize:python@ rule, after the tables it generates from
# rules/teardown.rules (TD_FAMILY, TD_API).  SmPL finds the facts (driver
# objects, calls with their arguments, declarations, statements); what
# SmPL cannot say - the transitive helper closure of probe() and remove(),
# matching a release to an acquisition by the field that holds it, where
# a fence may go - is done here, once per file.
#
# Keys are those of the plugin: the field (or global) holding the resource.
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
        self.params = {}	# function -> {name}: the parameters of vars
        self.calls = {}		# function -> [(line, col, callee, args)]
        self.stmts = {}		# function -> [(line, col, is_return)]
        self.acqs = {}		# (line, col) -> acquisition
        self.stores = []	# (function, lhs, rhs): 'p->base = base'
        self.decided = {}	# (line, col) -> plan name, or None
        self.plans = {}		# plan name -> (line, col, where)
        self.closures = {}
        self.memo = {}		# see td_once()
        self.reported = set()	# (line, col) of the reported acquisitions
        self.store_cbs = []	# (function, lhs, callback): t.function = cb
        self.bare_return = set()	# functions ending in return;


def td_file(p):
    name = p[0].file
    if name not in td_files:
        td_files.clear()	# one file at a time: keep memory flat
        td_files[name] = TdFile()
    return td_files[name]


def td_norm(text):
    return re.sub(r'\s+', '', text or '')


def td_split_args(es):
    """The arguments of an expression list metavariable, without blanks."""
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


def td_helper_local(f, fn, handle):
    """Is the base of the handle a local of fn, not a parameter?  As
    unnameable() in check_release.c."""
    base = re.split(r'\W', handle)[0]
    return td_is_local(f, fn, base) and base not in f.params.get(fn, ())


def td_arg(args, n):
    if n is None:
        return None
    if n == 'ret' or n >= len(args):
        return None
    return args[n]


def td_key_arg(api, args):
    """The argument a call is keyed by: its id (the number of an IRQ),
    else its handle; None for a handle that is the result."""
    return td_arg(args, api['id'] if api['id'] is not None
                  else api['handle'])


def td_once(f, name, compute):
    """compute(), once per file: every fact is in before the first verdict."""
    if name not in f.memo:
        f.memo[name] = compute()
    return f.memo[name]


# ---------------------------------------------------------------- facts

def td_driver(p, obj, probe, remove):
    f = td_file(p)
    d = f.drivers.setdefault(obj, [None, None])
    d[0] = probe
    if remove is not None:
        d[1] = td_norm(remove)


def td_var(p, name, type_, fn=None):
    f = td_file(p)
    if fn:
        f.params.setdefault(fn, set()).add(name)
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
    """Where a resource lives: (type of the base, fields) for p->a.b,
    ('global', (name,)) for a global, '*' when unknown (a local whose
    origin is not seen, an expression)."""
    path = td_path(text)
    if path is None:
        return '*'
    base, members = path
    if not td_is_local(f, fn, base):
        return ('global', (base,) + tuple(members))
    if members:
        return (f.vars[fn][base], tuple(members))
    # a local: the field it is stored into in the same function
    for sfn, lhs, rhs in f.stores:
        if sfn == fn and rhs == base and lhs != base:
            key = td_key_of(f, fn, lhs)
            if key != '*':
                return key
    return '*'


def td_covers(held, done):
    """Does a call on key done stop the resource at key held?  With the
    same base type the fields must agree (p->dw covers p->dw.work and the
    other way round); otherwise, without types, the last field must
    appear in the other path (chan->tasklet and p->chan[i].tasklet)."""
    if held == '*' or done == '*':
        return True
    (ht, hm), (dt, dm) = held, done
    if ht == dt:
        return hm == dm[:len(hm)] or dm == hm[:len(dm)]
    if ht == 'global':
        hm = hm[1:]		# a global struct: cmos_rtc.irq is ->irq
    if dt == 'global':
        dm = dm[1:]
    return bool(hm and dm) and (hm[-1] in dm or dm[-1] in hm)


def td_uses(f, fns, roles):
    """(function, line, col, api, tag, key) of the calls in fns."""
    for fn in sorted(fns):
        for line, col, callee, args in f.calls.get(fn, ()):
            api = TD_API.get(callee)
            if not api or api['role'] not in roles:
                continue
            yield fn, line, col, callee, TD_FAMILY[api['family']]['tag'] \
                if api['family'] else None, \
                td_key_of(f, fn, td_key_arg(api, args) or '')


def td_kin(one, other):
    """Can a call of family one stop a resource of family other?  The
    same family, or two kinds of one embedded object (work and delayed
    work share a work_struct)."""
    return one == other or (
        TD_FAMILY[one]['tag'] == TD_FAMILY[other]['tag'] and
        TD_FAMILY[one]['type'] is not None and
        TD_FAMILY[other]['type'] is not None)


def td_touches(effects, resources):
    """Does any of effects ((tag, key) or 'free') stop one of resources?"""
    for tag, key in resources:
        for e in effects:
            if e != 'free' and e[0] == tag and td_covers(key, e[1]):
                return True
    return False


def td_released(f, a, tag, key, probe_fns, teardown):
    """A function other than those of probe releases it (by key), or
    remove() destroys the only workqueues it is queued on."""
    released, in_teardown, wqs_destroyed = set(), set(), set()
    wq_tag = TD_FAMILY['workqueue']['tag']
    for fn, line, col, api, rtag, rkey in td_once(
            f, 'releases',
            lambda: list(td_uses(f, f.funcs, ('release', 'async')))):
        if fn in teardown and rtag == wq_tag:
            wqs_destroyed.add((rtag, rkey))
        if not td_kin(TD_API[api]['family'], a['family']):
            continue
        if fn in teardown:
            in_teardown.add((rtag, rkey))
        # elsewhere (a close(), a stop()), only a synchronous release of
        # this very resource counts; teardown_async.cocci reports the
        # asynchronous ones made in teardown
        elif fn not in probe_fns and rkey != '*' and \
                TD_API[api]['role'] == 'release':
            released.add((rtag, rkey))
    if td_touches(released | in_teardown, [(tag, key)]):
        return True
    # a workqueue drains the families its drains= names (work, not a
    # delayed work whose timer is still pending)
    if a['family'] not in (TD_FAMILY['workqueue']['drains'] or '').split(','):
        return False
    # queued only on workqueues remove() destroys, which drains them
    wqs = [td_key_of(f, fn, td_arg(args, TD_API[c]['wq']) or '')
           for fn in f.funcs for _, _, c, args in f.calls.get(fn, ())
           if c in TD_API and TD_API[c]['role'] == 'queue' and td_covers(
               key, td_key_of(f, fn, td_arg(args, TD_API[c]['handle']) or ''))]
    return bool(wqs) and all(
        w != '*' and td_touches(wqs_destroyed, [(wq_tag, w)]) for w in wqs)


def td_local_released(f, fn, handle):
    """Does fn itself release the local variable holding a resource?"""
    for line, col, callee, args in f.calls.get(fn, ()):
        api = TD_API.get(callee)
        if api and api['role'] == 'release' and \
                td_key_arg(api, args) == handle:
            return True
    return False


def td_handed_off(f, a, teardown):
    """remove() passes the container of the resource to a function the file
    does not define and the rules do not know: it may release it."""
    base, members = td_path(a['handle']) or ('', [])
    if not members:
        return False	# the cookie of an IRQ, a bare pointer: no container
    want = f.vars.get(a['fn'], {}).get(base)
    for fn in teardown:
        for _, _, callee, args in f.calls.get(fn, ()):
            if callee in f.funcs or callee in TD_API or callee in TD_NEUTRAL:
                continue
            for arg in args:
                path = td_path(arg)
                if not path:
                    continue
                # the container itself, or the part holding the resource
                if path[1] != members[:len(path[1])]:
                    continue
                if want and f.vars.get(fn, {}).get(path[0]) == want:
                    return True
                if not want and path[0] == base:
                    return True
    return False


def td_fill(template, a, handle):
    """A fix template (%h handle, %i id, %N argument N, %*N what it
    points to) in the terms of the acquiring call."""
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
        a['family'] = api['family']
        a['key'] = td_key_of(f, fn, td_key_arg(api, a['args']) or
                             a['handle'])
    return a


def td_effects(f, fns, at=None):
    """What the calls in fns stop or free: {(tag, key)...} and 'free';
    with at=(line, col), only the call there."""
    done = set()
    for fn, line, col, api, tag, key in td_uses(
            f, fns, ('release', 'async', 'quiesce', 'free')):
        if at is None or (line, col) == at:
            done.add('free' if TD_API[api]['role'] == 'free' else (tag, key))
    return done


def td_rebase(f, fn, text, remove):
    """An expression of fn in the variables of remove(): 'p->work' becomes
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
    feeders, uses = set(), set()
    for sources, fed in td_once(f, 'callbacks', lambda: [
            (sources, td_effects_of_use(f, td_closure(f, [cb])))
            for cb, sources in td_callbacks(f, f.funcs).items()]):
        if td_touches(fed, [(tag, key)]):
            feeders |= sources
        if td_touches(sources, [(tag, key)]):
            uses |= fed
    uses = {u for u in uses if not td_touches([u], [(tag, key)])}
    stmts = sorted(f.stmts.get(remove, ()))
    top = min(s[1] for s in stmts) if stmts else 0
    after = before = None
    for line, col, callee, _ in sorted(f.calls.get(remove, ())):
        owner = [s for s in stmts if s[:2] <= (line, col)]
        if not owner:
            continue
        owner = owner[-1]
        effects = td_effects(f, td_closure(f, [callee])) \
            if callee in f.funcs else td_effects(f, [remove], (line, col))
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
    elif stmts and [s for s in stmts if s[1] == top][-1][2]:
        where = ([s for s in stmts if s[1] == top][-1], 'before')
    elif remove in f.bare_return:
        where = ((0, 0, False), 'return')	# before the final return;
    else:
        where = ((0, 0, False), 'end')		# before the closing brace
    return fix + ';', where


def td_effects_of_use(f, fns):
    """{(tag, key)} the closure of a callback arms, queues or touches."""
    fed = set()
    for fn, line, col, api, tag, key in td_uses(f, fns, ('use', 'queue')):
        if key != '*':
            fed.add((tag, key))
    # queue_work(wq, w) also needs its workqueue
    wq_tag = TD_FAMILY['workqueue']['tag']
    for fn in fns:
        for _, _, callee, args in f.calls.get(fn, ()):
            api = TD_API.get(callee)
            if api and api['role'] == 'queue' and api['wq'] is not None:
                key = td_key_of(f, fn, td_arg(args, api['wq']) or '')
                if key != '*':
                    fed.add((wq_tag, key))
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
    for sfn, lhs, rhs in f.stores:
        if sfn == fn and rhs == handle and td_is_local(f, fn, handle):
            handle = lhs	# name it where it is kept: lp->base = ioaddr
            break
    actions = td_once(f, 'actions', lambda: [
        td_arg(args, TD_API[c]['callback'])
        for fn2 in f.funcs for _, _, c, args in f.calls.get(fn2, ())
        if c in TD_API and TD_API[c]['role'] == 'action'])
    if a['key'] == '*' and td_local_released(f, fn, a['handle']):
        return None		# a mapping for the time of one function
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
        # as check_release.c: a fix remove() cannot compile is not offered
        if remove and not rebased and '[' in handle:
            msg = "%s '%s' %s in %s is never %s on remove; release each in %s() with %s(), in a loop over them (no fix offered) [%s]" % (
                fam['noun'], handle, fam['did'], where, fam['undone'], remove,
                fix.split('(')[0], fam['tag'])
        elif remove and not rebased and (
                re.match(r'^[A-Za-z_]\w*\([^>.]*\)$', handle) or
                (fn != probe and td_helper_local(f, fn, handle))):
            msg = "%s '%s' %s in %s is never %s on remove; %s() cannot name it: keep it where %s() can reach it and release it there with %s() (no fix offered) [%s]" % (
                fam['noun'], handle, fam['did'], where, fam['undone'], remove,
                remove, fix.split('(')[0], fam['tag'])
        elif remove:
            msg = "%s '%s' %s in %s is never %s on remove; add %s to %s() [%s]" % (
                fam['noun'], handle, fam['did'], where, fam['undone'], fix,
                remove, fam['tag'])
        elif api['variant']:
            msg = "%s '%s' %s in %s is never %s: driver '%s' has no remove() and devres does not release it; call %s in a remove() or use %s() instead%s [%s]" % (
                fam['noun'], handle, fam['did'], where, fam['undone'], obj,
                fix, api['variant'], ', before anything that can %s it' %
                fam['fed'] if fam['fed'] else '', fam['tag'])
        else:
            msg = "%s '%s' %s in %s is never %s: driver '%s' has no remove() and devres does not release it; call %s in a remove() or in an action registered with devm_add_action_or_reset() [%s]" % (
                fam['noun'], handle, fam['did'], where, fam['undone'], obj,
                fix, fam['tag'])
        report(p[0], msg)
        org(p[0], msg)
        f.reported.add(pos)
        plan = td_plan(f, a, api, fam, rebased, remove)
        if plan is None:
            return None
        stmt, (anchor, where) = plan
        f.plans[td_norm(stmt)] = (anchor[0], anchor[1], where, remove)
        return stmt
    return None


def td_reported(q):
    f = td_file(q)
    return (int(q[0].line), int(q[0].column)) in f.reported


def td_anchor(s, q, where):
    f = td_file(q)
    plan = f.plans.get(td_norm(s))
    return plan is not None and plan[:3] == (int(q[0].line),
                                             int(q[0].column), where)


def td_after(s, q):
    return td_anchor(s, q, 'after')


def td_before(s, q):
    return td_anchor(s, q, 'before')


def td_at_end(s, fn, where='end'):
    """Is the fence s planned at the end of the void function fn?"""
    for f in td_files.values():
        if f.plans.get(td_norm(s), (0, 0, None, None))[2:] == (where, fn):
            return True
    return False


def td_at_return(s, fn):
    return td_at_end(s, fn, 'return')


def td_bare_return(p, fn):
    td_file(p).bare_return.add(fn)
