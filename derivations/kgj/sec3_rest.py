"""kgj §3-4 and App. B statements not covered by sec3_4: Theorem II (by its concrete instances),
Remark 1, Definition C (value shaping collects at least what standard FL does), Remark 4."""
from derivations.claims import Claim, Effort
from derivations.statements import AllOf, Compare

from . import model
from .model import ERM, FAMILIES, SAT
from .variables import a, c, individually_unviable, individually_viable, k, m, n


def _remark1(F):
    return Claim(
        id=f"kgj.remark1-collapse.{F.name}", label="Remark 1", section="3.2", kind="structural",
        latex=r"m_i^*=0\ \forall i \implies \text{no data is collected even with collaboration}",
        statement=Compare(lambda o, m, c, a, k: model.v(o, F, m, a, k) - c * m, "<=", 0),
        variables=(m, c, a, k), given=(individually_unviable(F),), symbolic=None,
        notes=f"Family {F.meaning}. Standard FL (8) at the all-zero profile: a deviation to m > 0 gives "
              "v(m) - c m <= 0 = u(0), so everyone contributing 0 is an equilibrium; by Theorem III (unique "
              "least-cost agent) it is the only one. Caveat (not in the Remark's hypotheses as printed): with "
              "*identical* costs and alpha > m_v, n agents each contributing alpha/n is also an equilibrium "
              "of (8) with positive data (tests/test_kgj_baselines.py::test_identical_costs_positive_standard_fl).",
    )


CLAIMS = (
    Claim(
        id="kgj.thm2-existence", label="Theorem II / eq. (7)", section="3.1", kind="existence",
        latex=r"\exists\,\mathbf m^{eq}:\ [\mathcal M(\mathbf m^{eq})]_i-c_im_i^{\mathcal M}\ge"
              r"[\mathcal M(m_i,\mathbf m^{eq}_{-i})]_i-c_im_i\ \ \forall m_i\ge0",
        statement=AllOf(tuple(f"kgj.thm4-equilibrium.{F.name}" for F in FAMILIES)
                        + tuple(f"kgj.thm6-mstar-over-n.{t}" for t in ("pd", "pv", "ps"))),
        notes="Checked through its concrete instances: an explicit pure equilibrium satisfying (7) for value "
              "shaping (11) (each value family) and for the baselines (12)-(14). derivations/kgj/equilibrium.py "
              "finds certified equilibria numerically for other mechanisms (tests/test_kgj_equilibrium.py).",
    ),
) + tuple(_remark1(F) for F in (ERM, SAT)) + (
    Claim(
        id="kgj.defc-data-max-vs-standard", label="Definition C / eq. (10)", section="4.1", kind="definition",
        latex=r"\hat{\mathcal M}\in\arg\max_{\mathcal M}\sum_j[\mathbf m^{eq}(\mathcal M)]_j",
        statement=Compare(lambda o, c, a, k, n: n * model.m_max_symmetric(o, SAT, c, a, k, 0 * a, n), ">=",
                          lambda o, c, a, k: model.m_star(o, SAT, c, a, k)),
        variables=(c, n, a, k), symbolic=None, effort=Effort(examples=0.3, ladder=(20, 40, 80)),
        notes="A concrete consequence of (10) with Theorem IV: for n identical agents the data-maximizing "
              "mechanism (11) collects n m^max, at least the m* collected at an equilibrium of standard FL (8) "
              "(Theorem III). Family " + SAT.meaning + ".",
    ),
    Claim(
        id="kgj.not-quasiconcave.erm", label="§3.1 lines 152–153", section="3.1", kind="structural",
        latex=r"\text{because of the }\max(0,\cdot)\text{ the utilities are not even quasi-concave}",
        statement=Compare(lambda o, c, a, k: model.u(o, ERM, ERM.m_v(o, a, k), c, a, k), "<",
                          lambda o, c, a, k: model.vmin(o, model.u(o, ERM, 0 * a, c, a, k),
                                                        model.u(o, ERM, ERM.alpha(o, c, a, k), c, a, k))),
        variables=(c, a, k), given=(individually_viable(ERM),), symbolic=None,
        notes="A single agent under v = max(0, b) (erm family, viability point m^0 = k/a^2): "
              "u(m^0) < min(u(0), u(alpha)) with 0 < m^0 < alpha, so the upper level set {u >= min(u(0), u(alpha))} "
              "is not convex.",
    ),
    Claim(
        id="kgj.sec32-single-collector", label="§3.2 lines 169–173", section="3.2", kind="structural",
        latex=r"c_i\ge c_{\min}\Rightarrow m_i^*\le m^*_{\min};\ \text{one more point is worth less than } c_i",
        statement=AllOf(tuple(f"kgj.thm1-monotone-m.{F.name}" for F in FAMILIES)
                        + tuple(f"kgj.thm3-eq9-free-ride.{F.name}" for F in FAMILIES)),
        notes="m* is non-increasing in the cost (Theorem I) and, given the least-cost agent's m*, any contribution "
              "of a costlier agent lowers her utility (Theorem III's free-riding claims).",
    ),
    Claim(
        id="kgj.remark4-surplus", label="Remark 4", section="B", kind="structural",
        latex=r"\text{the surplus extracts } m_i^{\max}-m_i^* \text{ more data; agents receive none of it}",
        statement=AllOf(tuple(f"kgj.thm5-utility-unchanged.{F.name}" for F in FAMILIES)
                        + tuple(f"kgj.remark2-more-than-alone.{F.name}" for F in FAMILIES)),
        notes="Agents' utility is unchanged (Theorem V) while they contribute m^max >= m* (Remark 2).",
    ),
)
