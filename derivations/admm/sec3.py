"""admm §3.1: the virtual value of eq. (3) for the Gaussian model, under two MHR priors."""
from derivations.claims import Claim, Effort, Implementation
from derivations.statements import Defines

from . import gaussian, model, priors
from .variables import IN_UNIFORM_SUPPORT, Qmax, Sigma, i, n, q, rate

HALF = Effort(examples=0.5)  # 10 instances under ci: each costs matrix inversions (n <= 5) at 120 digits

EQ3 = (r"\phi_{i,\mathbf q_{-i}}(q_i) := v_i(q_i,\mathbf q_{-i}) - \frac{\partial v_i(q_i,\mathbf q_{-i})}"
       r"{\partial q_i}\,\frac{1-F_i(q_i)}{f_i(q_i)}")


def _uniform(o, Sigma, q, i, Q):
    return model.virtual_value(o, Sigma, q, i, Q - q[i])


def _exponential(o, Sigma, q, i, lam):
    return model.virtual_value(o, Sigma, q, i, 1 / lam)


def _terms(o, Sigma, q, i, hazard_ratio):
    """|v_i| + |dv_i/dq_i| (1-F)/f: the magnitude phi is computed from (phi crosses zero)."""
    return o.abs(model.value_truthful(o, Sigma, q, i)) + o.abs(model.value_derivative(o, Sigma, q, i) * hazard_ratio)


def _uniform_terms(o, Sigma, q, i, Q):
    return _terms(o, Sigma, q, i, Q - q[i])


def _exponential_terms(o, Sigma, q, i, lam):
    return _terms(o, Sigma, q, i, 1 / lam)


CLAIMS = (
    Claim(
        id="admm.eq3-virtual-value.uniform", label="Assumption 2 / eq. (3)", section="3.1",
        effort=HALF, kind="definition", latex=EQ3 + r",\quad F_i = U[0,Q]",
        statement=Defines(_uniform), variables=(n, Sigma, q, i, Qmax), given=(IN_UNIFORM_SUPPORT,),
        implementations=(Implementation(
            lambda Sigma, q, i, Q: gaussian.virtual_value(Sigma, q, priors.uniform_hazard_ratio(q, Q))[i],
            _uniform, max_bits=3.0, scale=_uniform_terms, name="gaussian.virtual_value"),),
        notes="Reference differentiates eq. (2) numerically (mpmath.diff); numpy uses the closed "
              "form of the derivative, (B.5)/sigma_i^2, rewritten without cancellation. phi crosses "
              "zero, so its error is measured in ulps of |v_i| + |dv_i/dq_i| (1-F)/f.",
    ),
    Claim(
        id="admm.eq3-virtual-value.exponential", label="Assumption 2 / eq. (3)", section="3.1",
        effort=HALF, kind="definition", latex=EQ3 + r",\quad F_i = \mathrm{Exp}(\lambda)",
        statement=Defines(_exponential), variables=(n, Sigma, q, i, rate),
        implementations=(Implementation(
            lambda Sigma, q, i, lam: gaussian.virtual_value(Sigma, q, priors.exponential_hazard_ratio(q, lam))[i],
            _exponential, max_bits=3.0, scale=_exponential_terms, name="gaussian.virtual_value"),),
    ),
)
