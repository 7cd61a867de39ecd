namespace TrustBot.Cards;

// The members are the Adaptive Card schema's own values; the schema documents them.
#pragma warning disable CS1591

/// <summary>Text size.</summary>
public enum TextSize { Small, Default, Medium, Large, ExtraLarge }

/// <summary>Text weight.</summary>
public enum TextWeight { Lighter, Default, Bolder }

/// <summary>Theme colours.</summary>
public enum TextColor { Default, Dark, Light, Accent, Good, Warning, Attention }

/// <summary>Text block style.</summary>
public enum TextBlockStyle { Default, Heading }

/// <summary>Spacing above an element.</summary>
public enum Spacing { None, Small, Default, Medium, Large, ExtraLarge, Padding }

/// <summary>Container background styles.</summary>
public enum ContainerStyle { Default, Emphasis, Good, Attention, Warning, Accent }

/// <summary>Vertical alignment.</summary>
public enum VerticalAlignment { Top, Center, Bottom }

/// <summary>Image size.</summary>
public enum ImageSize { Auto, Stretch, Small, Medium, Large }

/// <summary>Button styles.</summary>
public enum ActionStyle { Default, Positive, Destructive }

/// <summary>How a choice set is drawn.</summary>
public enum ChoiceInputStyle { Compact, Expanded, Filtered }
