using System.Text.Json.Nodes;
using OrleansGateway.JsonPath;

namespace OrleansGateway.Core.Tests.JsonPath;

/// <summary>Goessner's bookstore, with the results Jayway JsonPath gives for each path.</summary>
public sealed class JsonPathTests
{
    private static readonly JsonNode Store = JsonNode.Parse("""
        { "store": {
            "book": [
              { "category": "reference", "author": "Nigel Rees", "title": "Sayings of the Century", "price": 8.95 },
              { "category": "fiction", "author": "Evelyn Waugh", "title": "Sword of Honour", "price": 12.99 },
              { "category": "fiction", "author": "Herman Melville", "title": "Moby Dick", "isbn": "0-553-21311-3", "price": 8.99 },
              { "category": "fiction", "author": "J. R. R. Tolkien", "title": "The Lord of the Rings", "isbn": "0-395-19395-8", "price": 22.99 }
            ],
            "bicycle": { "color": "red", "price": 19.95 }
          },
          "expensive": 10,
          "odd key": "spaced"
        }
        """)!;

    [Theory]
    [InlineData("$.store.book[*].author", """["Nigel Rees","Evelyn Waugh","Herman Melville","J. R. R. Tolkien"]""")]
    [InlineData("$..author", """["Nigel Rees","Evelyn Waugh","Herman Melville","J. R. R. Tolkien"]""")]
    [InlineData("$.store.*", """[[{"category":"reference","author":"Nigel Rees","title":"Sayings of the Century","price":8.95},{"category":"fiction","author":"Evelyn Waugh","title":"Sword of Honour","price":12.99},{"category":"fiction","author":"Herman Melville","title":"Moby Dick","isbn":"0-553-21311-3","price":8.99},{"category":"fiction","author":"J. R. R. Tolkien","title":"The Lord of the Rings","isbn":"0-395-19395-8","price":22.99}],{"color":"red","price":19.95}]""")]
    [InlineData("$.store..price", "[8.95,12.99,8.99,22.99,19.95]")]
    [InlineData("$..book[2].title", """["Moby Dick"]""")]
    [InlineData("$..book[-1].title", """["The Lord of the Rings"]""")]
    [InlineData("$..book[0,1].title", """["Sayings of the Century","Sword of Honour"]""")]
    [InlineData("$..book[:2].title", """["Sayings of the Century","Sword of Honour"]""")]
    [InlineData("$..book[1:2].title", """["Sword of Honour"]""")]
    [InlineData("$..book[-2:].title", """["Moby Dick","The Lord of the Rings"]""")]
    [InlineData("$..book[2:].title", """["Moby Dick","The Lord of the Rings"]""")]
    [InlineData("$..book[?(@.isbn)].title", """["Moby Dick","The Lord of the Rings"]""")]
    [InlineData("$.store.book[?(@.price < 10)].title", """["Sayings of the Century","Moby Dick"]""")]
    [InlineData("$..book[?(@.price <= $['expensive'])].price", "[8.95,8.99]")]
    [InlineData("$..book[?(@.author =~ /.*REES/i)].price", "[8.95]")]
    [InlineData("$..book[?(@.category == 'fiction' && @.price > 20)].title", """["The Lord of the Rings"]""")]
    [InlineData("$..book[?(@.category != 'fiction' || @.price > 20)].title", """["Sayings of the Century","The Lord of the Rings"]""")]
    [InlineData("$..book[?(!(@.price > 10))].price", "[8.95,8.99]")]
    [InlineData("$..book[?(@.category in ['reference'])].price", "[8.95]")]
    [InlineData("$..book[?(@.category nin ['fiction'])].price", "[8.95]")]
    [InlineData("$.store.book.length()", "[4]")]
    [InlineData("$['store']['bicycle']['color']", """["red"]""")]
    [InlineData("$[\"odd key\"]", """["spaced"]""")]
    [InlineData("$.store.bicycle['color','price']", """["red",19.95]""")]
    [InlineData("store.bicycle.color", """["red"]""")]
    [InlineData("$.store.missing", "[]")]
    [InlineData("$.store.book[10]", "[]")]
    [InlineData("$", null)]
    public void SelectsLikeJayway(string path, string? expected)
    {
        var results = JsonPathExpression.Parse(path).Select(Store);
        var json = new JsonArray(results.Select(node => node?.DeepClone()).ToArray()).ToJsonString();
        Assert.Equal(expected ?? "[" + Store.ToJsonString() + "]", json);
    }

    [Theory]
    [InlineData("$.store.book[0].title", true)]
    [InlineData("$['store'].bicycle", true)]
    [InlineData("$.store.book[*]", false)]
    [InlineData("$..title", false)]
    [InlineData("$.store.book[?(@.price)]", false)]
    [InlineData("$.store.book[0:1]", false)]
    [InlineData("$.store.book[0,1]", false)]
    public void DefinitePathsAreRecognised(string path, bool definite) =>
        Assert.Equal(definite, JsonPathExpression.Parse(path).IsDefinite);

    [Theory]
    [InlineData("")]
    [InlineData("$.")]
    [InlineData("$[")]
    [InlineData("$['unterminated")]
    [InlineData("$[?(@.a ==)]")]
    [InlineData("$.a.unknown()")]
    [InlineData("$[1:2:3]")]
    public void MalformedPathsAreRejected(string path) =>
        Assert.Throws<JsonPathException>(() => JsonPathExpression.Parse(path));

    [Fact]
    public void NullValuesAreMatchedAsNullNodes()
    {
        var results = JsonPathExpression.Parse("$.a").Select(JsonNode.Parse("""{"a":null}"""));
        Assert.Single(results);
        Assert.Null(results[0]);
    }
}
