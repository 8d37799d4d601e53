from knowledge.models.taxonomy import Country, GCMObjective, ResourceType, TargetGroup, Theme

__all__ = ["Country", "GCMObjective", "ResourceType", "TargetGroup", "Theme"]
