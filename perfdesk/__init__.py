"""perfdesk: budget-performance self-evaluation (预算绩效自评) on the desktop."""

__version__ = "0.1.0"
