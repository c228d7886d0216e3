"""sinowatch: news monitoring for China's AI industry.

Data flow: feeds -> articles -> extraction -> warehouse -> trends, reports, alerts.
"""

__version__ = "0.1.0"
