namespace OrleansGateway.Patching;

/// <summary>
/// A path a resource takes patches on and the ops it takes there. <c>*</c> stands for one
/// segment (a map key such as <c>/requestParameters/*</c>), <c>**</c> for any rest of the path.
/// </summary>
public sealed record PatchRule(string Path, params string[] Ops)
{
    private readonly string[] _segments = Path.TrimStart('/').Split('/');

    public bool Matches(string path)
    {
        var segments = path.TrimStart('/').Split('/');
        for (var i = 0; i < _segments.Length; i++)
        {
            if (_segments[i] == "**")
            {
                return segments.Length > i;
            }

            if (i >= segments.Length || (_segments[i] != "*" && _segments[i] != segments[i]) || segments[i].Length == 0)
            {
                return false;
            }
        }

        return segments.Length == _segments.Length;
    }
}
