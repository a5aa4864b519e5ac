"""kgj §2 (Modeling an individual agent): eq. (1)-(3), Theorem I / eq. (4), Figures 1-2.

Every statement that quantifies over all value functions allowed by eq. (1) is checked for each
family of ``model.FAMILIES`` (erm, sqrt, exp, pwl): one claim per family, same label.
"""
from derivations.claims import Claim, Effort, Given, Implementation, Symbolic
from derivations.statements import Compare, Defines, Equal, Monotone

from . import model, values
from .model import ERM, EXP, FAMILIES, PWL, SAT
from .variables import (a, c, individually_unviable, individually_viable, k, m, m0, params,
                        past_viability)


def _np(F, fn):
    """numpy implementation adapter for family F."""
    if F.name in ("exp", "pwl"):
        return lambda c, a, k, m0: fn(F.name, c, a, k, m0)
    return lambda c, a, k: fn(F.name, c, a, k)


def _f(F, g):
    """A formula g(o, F, c, a, k, m0, m) restricted to the family's variables."""
    return lambda o, **p: g(o, F, **{x: p[x] for x in ("c", "a", "k", "m0", "m") if x in p})


def _eq1(F):
    P = params(F)
    return (
        Claim(
            id=f"kgj.eq1-nondecreasing.{F.name}", label="eq. (1)", section="2.1", kind="definition",
            latex=r"v(m):\mathbb R_{\ge0}\to[0,1] = \max(0, b(m)),\ b \text{ continuous, non-decreasing, concave}",
            statement=Monotone(_f(F, lambda o, F, m, a, k, m0=0: model.v(o, F, m, a, k, m0)), "m", "nondecreasing"),
            variables=(m,) + P, symbolic=None,
            notes=f"Family {F.meaning}: v = max(0, b) is non-decreasing in m.",
        ),
        Claim(
            id=f"kgj.eq1-concave.{F.name}", label="eq. (1)", section="2.1", kind="definition",
            latex=r"b \text{ concave: } b'(m) \text{ non-increasing}",
            statement=Monotone(_f(F, lambda o, F, m, a, k, m0=0: F.db(o, m, a, k, m0)), "m", "nonincreasing"),
            variables=(m,) + P, given=(past_viability(F),), symbolic=None,
            notes=f"Family {F.meaning}. For pwl, b' is the right derivative (a step a/k -> 0 at m0 + k).",
        ),
    )


def _thm1(F):
    P = params(F)
    out = [
        Claim(
            id=f"kgj.thm1-eq4-optimal.{F.name}", label="Theorem I / eq. (4)", section="2.2", kind="optimality",
            latex=r"m_i^*=\begin{cases}0&\text{if }\max_{m_i\ge0}u_i(m_i)\le0\\ \alpha_i^*,\ b'(\alpha_i^*)=c_i"
                  r"&\text{otherwise}\end{cases}",
            statement=Equal(_f(F, lambda o, F, c, a, k, m0=0: model.u(o, F, model.m_star(o, F, c, a, k, m0), c, a, k, m0)),
                            _f(F, lambda o, F, c, a, k, m0=0: model.u_max_search(o, F, c, a, k, m0))),
            variables=(c,) + P, symbolic=None, effort=Effort(examples=1.0, ladder=(20, 40, 80)),
            implementations=(Implementation(_np(F, values.optimal_contribution),
                                            _f(F, lambda o, F, c, a, k, m0=0: model.m_star(o, F, c, a, k, m0)),
                                            max_bits=2.0, name=f"values.optimal_contribution[{F.name}]"),),
            notes=f"Family {F.meaning}. u(m*) with m* of eq. (4) equals max_m u(m) found by a derivative-free "
                  "golden-section search over the concave branch (and 0 at m = 0): m* is a maximizer in both "
                  "cases. numpy m* (closed form) cross-checked against the formula.",
        ),
    ]
    if F is not PWL:
        out.append(Claim(
            id=f"kgj.thm1-eq4-stationary.{F.name}", label="Theorem I / eq. (4)", section="2.2", kind="optimality",
            latex=r"\alpha_i^* \text{ such that } b'(\alpha_i^*) = c_i",
            statement=Equal(_f(F, lambda o, F, c, a, k, m0=0: F.db(o, F.alpha(o, c, a, k, m0), a, k, m0)),
                            _f(F, lambda o, F, c, a, k, m0=0: c)),
            variables=(c,) + P, given=(individually_viable(F),),
            implementations=(Implementation(_np(F, values.optimal_contribution_by_root),
                                            _f(F, lambda o, F, c, a, k, m0=0: model.m_star(o, F, c, a, k, m0)),
                                            max_bits=6.0, name=f"values.optimal_contribution_by_root[{F.name}]"),),
            notes=f"Family {F.meaning}: the closed form alpha solves b'(alpha) = c; numpy bisection on "
                  "b'(m) = c (no closed form) cross-checked against it.",
        ))
    else:
        out.append(Claim(
            id="kgj.thm1-eq4-stationary.pwl", label="Theorem I / eq. (4)", section="2.2", kind="optimality",
            latex=r"\alpha_i^* \text{ such that } b'(\alpha_i^*) = c_i",
            statement=Compare(lambda o, c, a, k: c, "<", lambda o, a, k: a / k),
            variables=(c,) + P, given=(individually_viable(F),),
            notes="For piecewise-linear b (allowed by eq. (1)) b'(alpha) = c has no solution for generic c; "
                  "the optimum is the kink alpha = m0 + k and the condition holds in the superdifferential "
                  "sense, c in [b'_+(alpha), b'_-(alpha)] = [0, a/k] (checked: c < a/k whenever max u > 0). "
                  "Optimality of the kink: kgj.thm1-eq4-optimal.pwl.",
        ))
    out += [
        Claim(
            id=f"kgj.thm1-monotone-m.{F.name}", label="Theorem I", section="2.2", kind="monotonicity",
            latex=r"c_i\le c_j \implies m_i^*\ge m_j^*",
            statement=Monotone(_f(F, lambda o, F, c, a, k, m0=0: model.m_star(o, F, c, a, k, m0)), "c", "nonincreasing"),
            variables=(c,) + P, symbolic=None, notes=f"Family {F.meaning}.",
        ),
        Claim(
            id=f"kgj.thm1-monotone-u.{F.name}", label="Theorem I", section="2.2", kind="monotonicity",
            latex=r"c_i\le c_j \implies u_i(m_i^*)\ge u_j(m_j^*)",
            statement=Monotone(_f(F, lambda o, F, c, a, k, m0=0: model.u_star(o, F, c, a, k, m0)), "c", "nonincreasing"),
            variables=(c,) + P, symbolic=None, notes=f"Family {F.meaning}; u(m*) = max(0, u(alpha)).",
        ),
    ]
    return out


_ERM = dict(c=c, a=a, k=k)

CLAIMS = tuple(x for F in FAMILIES for x in _eq1(F)) + (
    Claim(
        id="kgj.eq2-eq3-utility", label="eq. (2), eq. (3)", section="2.2", kind="definition",
        latex=r"\mathrm{cost}_i(m)=c_i m,\quad u_i(m)=v(m)-c_i m",
        statement=Defines(lambda o, m, c, a, k: model.u(o, ERM, m, c, a, k)),
        variables=(m, c, a, k),
        implementations=(Implementation(lambda m, c, a, k: values.erm(a, k).u(m, c),
                                        lambda o, m, c, a, k: model.u(o, ERM, m, c, a, k),
                                        scale=lambda o, m, c, a, k: model.v(o, ERM, m, a, k) + c * m,
                                        name="values.ValueFunction.u[erm]"),),
        notes="For the erm family; the error is measured against |v| + c m (u cancels).",
    ),
) + tuple(x for F in FAMILIES for x in _thm1(F)) + (
    Claim(
        id="kgj.fig1-high-cost", label="Figure 1 / §2.2 lines 91–96", section="2.2", kind="monotonicity",
        latex=r"c_i \text{ too high } (u_i'(m^0)\le0) \implies m_i^*=0",
        statement=Equal(lambda o, c, a, k: model.m_star(o, ERM, c, a, k), 0),
        variables=(c, a, k),
        given=(Given("u'(m^0) <= 0, i.e. c >= b'(m^0) (Case 1, high cost)",
                     lambda o, c, a, k, **_: c >= ERM.db(o, ERM.m_v(o, a, k), a, k)),),
        symbolic=None,
        notes="erm family (m^0 = k/a^2 grows with the difficulty k). Case 2 (mid cost) is covered by "
              "kgj.thm1-eq4-optimal.* on instances with max u <= 0.",
    ),
    Claim(
        id="kgj.fig1-hard-problem", label="Figure 1 / §2.2 lines 91–96", section="2.2", kind="monotonicity",
        latex=r"\text{problem too hard } (m^0 \text{ large}) \implies m_i^*=0",
        statement=Equal(lambda o, c, a, k, m0: model.u_max_search(o, EXP, c, a, k, m0), 0),
        variables=(c, a, k, m0), symbolic=None,
        given=(Given("m^0 >= a/c - k - k log(a/(kc)) (the problem is too hard for this cost)",
                     lambda o, c, a, k, m0, **_: m0 >= a / c - k - k * o.log(a / (k * c))),),
        notes="exp family with viability point m^0 = m0: once m^0 passes the threshold, the best "
              "utility (found by search) is 0, attained only at m = 0. (m* is not monotone in m^0: "
              "it grows as m^0 + k log(a/(kc)) until it drops to 0.)",
    ),
    Claim(
        id="kgj.fig2-power-law", label="Figure 2 / §2.2 lines 97–106", section="2.2", kind="numeric-result",
        latex=r"m_i^* \propto c_i^{-2/3}",
        statement=Equal(lambda o, c, a, k: model.m_star(o, ERM, c, a, k),
                        lambda o, c, k: (k / 4) ** (o.num(1) / 3) * c ** (-o.num(2) / 3)),
        variables=(c, a, k), given=(individually_viable(ERM),), symbolic=None,
        notes="erm family b = a - sqrt(k/m) (the slow-rate ERM bound): above the viability cutoff, "
              "m* = (k/4)^{1/3} c^{-2/3}. The caption's 'different number of total agents' does not match "
              "the text (curves for different k); only the text's claims are checked.",
    ),
    Claim(
        id="kgj.fig2-cutoff-k", label="Figure 2 / §2.2 lines 97–106", section="2.2", kind="numeric-result",
        latex=r"\text{the minimum-viability cost is smaller for larger } k",
        statement=Monotone(lambda o, a, k: model.viability_cost(o, ERM, a, k), "k", "decreasing"),
        variables=(a, k),
        notes="erm family: max u > 0 iff c < 4a^3/(27k) (u(alpha) = a - 3(kc/4)^{1/3}).",
    ),
    Claim(
        id="kgj.fig2-cutoff-value", label="Figure 2 / §2.2 lines 97–106", section="2.2", kind="numeric-result",
        latex=r"u_i(\alpha_i^*) = 0 \text{ at } c_i = 4a^3/(27k)",
        statement=Equal(lambda o, a, k: model.u_alpha(o, ERM, model.viability_cost(o, ERM, a, k), a, k), 0),
        variables=(a, k),
        notes="The cutoff of kgj.fig2-cutoff-k is where the individual optimum's utility vanishes.",
    ),
    Claim(
        id="kgj.fig2-increasing-k", label="Figure 2 / §2.2 lines 97–106", section="2.2", kind="numeric-result",
        latex=r"\text{beyond the threshold, } m_i^* \text{ increases with } k",
        statement=Monotone(lambda o, c, a, k: ERM.alpha(o, c, a, k), "k", "increasing"),
        variables=(c, a, k),
        notes="erm family: where m* > 0 it equals alpha = (k/(4c^2))^{1/3}, increasing in k.",
    ),
)
