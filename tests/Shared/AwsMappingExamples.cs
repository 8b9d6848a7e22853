namespace OrleansGateway.Tests.Shared;

/// <summary>
/// AWS's published mapping-template examples with the output AWS publishes, shared by the engine's
/// conformance tests (core) and the same examples rendered through a deployed REST API (end to end).
/// </summary>
internal static class AwsMappingExamples
{
    /// <summary>The PetStore backend's list.</summary>
    public const string PetStore = """
        [
          { "id": 1, "type": "dog", "price": 249.99 },
          { "id": 2, "type": "cat", "price": 124.99 },
          { "id": 3, "type": "fish", "price": 0.99 }
        ]
        """;

    // Template and console Test output verbatim from "Tutorial: Modify the integration request and response for
    // integrations to AWS services", https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-data-transformations-in-api-gateway.html
    // (same example: https://docs.aws.amazon.com/apigateway/latest/developerguide/models-mappings.html).
    public const string PetStoreReshapeTemplate = """
        #set($inputRoot = $input.path('$'))
        [
        #foreach($elem in $inputRoot)
          {
            "description" : "Item $elem.id is a $elem.type.",
            "askingPrice" : $elem.price
          }#if($foreach.hasNext),#end

        #end
        ]
        """;

    public const string PetStoreReshaped = """
        [
          {
            "description" : "Item 1 is a dog.",
            "askingPrice" : 249.99
          },
          {
            "description" : "Item 2 is a cat.",
            "askingPrice" : 124.99
          },
          {
            "description" : "Item 3 is a fish.",
            "askingPrice" : 0.99
          }
        ]
        """;

    // News article example, "Input data", "Output mapping template" and "Output data",
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/example-news-article.html (archived in
    // awsdocs/amazon-api-gateway-developer-guide). With one item #if writes nothing, #end eats its newline and the
    // blank line closes the item, so the output is AWS's byte for byte.
    public const string NewsArticle = """
        {
          "count": 1,
          "items": [
            {
              "last_updated_date": "2015-04-24",
              "expire_date": "2016-04-25",
              "author_first_name": "John",
              "description": "Sample Description",
              "creation_date": "2015-04-20",
              "title": "Sample Title",
              "allow_comment": "1",
              "author": {
                "last_name": "Doe",
                "email": "johndoe@example.com",
                "first_name": "John"
              },
              "body": "Sample Body",
              "publish_date": "2015-04-25",
              "version": "1",
              "author_last_name": "Doe",
              "parent_id": 2345678901,
              "article_url": "http://www.example.com/articles/3456789012"
            }
          ],
          "version": 1
        }
        """;

    public const string NewsArticleTemplate = """
        #set($inputRoot = $input.path('$'))
        {
          "count": $inputRoot.count,
          "items": [
        #foreach($elem in $inputRoot.items)
            {
              "creation_date": "$elem.creation_date",
              "title": "$elem.title",
              "author": "$elem.author.first_name $elem.author.last_name",
              "body": "$elem.body",
              "publish_date": "$elem.publish_date",
              "article_url": "$elem.article_url"
            }#if($foreach.hasNext),#end

        #end
          ],
          "version": $inputRoot.version
        }
        """;

    public const string NewsArticleTransformed = """
        {
          "count": 1,
          "items": [
            {
              "creation_date": "2015-04-20",
              "title": "Sample Title",
              "author": "John Doe",
              "body": "Sample Body",
              "publish_date": "2015-04-25",
              "article_url": "http://www.example.com/articles/3456789012"
            }
          ],
          "version": 1
        }
        """;
}
