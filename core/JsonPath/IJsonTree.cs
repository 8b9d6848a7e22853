namespace OrleansGateway.JsonPath;

/// <summary>
/// The few questions JSONPath asks of a document, so one evaluator serves both <c>System.Text.Json</c>
/// nodes and the Java-like values of the VTL engine.
/// </summary>
internal interface IJsonTree<TNode>
{
    static abstract bool IsObject(TNode node);

    static abstract bool IsArray(TNode node);

    static abstract bool TryGetProperty(TNode node, string name, out TNode value);

    static abstract int Length(TNode node);

    static abstract TNode Item(TNode node, int index);

    /// <summary>An object's property values or an array's items, in document order.</summary>
    static abstract IEnumerable<TNode> Children(TNode node);

    /// <summary>A scalar as string, double, bool or null; <see cref="FilterValue.Structure"/> for objects and arrays.</summary>
    static abstract object? Scalar(TNode node);
}
