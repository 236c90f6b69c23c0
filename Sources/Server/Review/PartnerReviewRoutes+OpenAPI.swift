extension PartnerReviewRoutes {
    /// The partner review API's part of `/openapi.json`.
    static let openAPI = """
        {"paths": {
          "/api/review/partners": {"get": {"summary": "Partner individuals awaiting a decision, with their chips and our ranked candidates, and the links made",
            "operationId": "partnerReviewQueue",
            "parameters": [{"name": "partner", "in": "query", "required": false, "description": "Only this partner's namespace (e.g. CN)",
              "schema": {"type": "string"}}],
            "responses": {"200": {"description": "The queue", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PartnerQueue"}}}},
              "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
          "/api/review/partners/decide": {"post": {"summary": "Same animal (a link) or not this one (set apart), through the review log (undo: /api/review/undo)",
            "operationId": "partnerReviewDecide", "security": [{"session": [], "csrf": []}],
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object",
              "required": ["partner", "partnerID", "individualID", "same"],
              "properties": {"partner": {"type": "string"}, "partnerID": {"type": "string"}, "individualID": {"type": "string"}, "same": {"type": "boolean"}}}}}},
            "responses": {"200": {"description": "The log entry written", "content": {"application/json": {"schema": {"type": "object",
                "required": ["entryID", "summary", "partner", "partnerID", "individualID", "same"],
                "properties": {"entryID": {"type": "integer"}, "summary": {"type": "string"}, "partner": {"type": "string"}, "partnerID": {"type": "string"},
                  "individualID": {"type": "string"}, "same": {"type": "boolean"}}}}}},
              "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"},
              "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}}},
         "components": {"schemas": {
            "PartnerQueue": {"type": "object", "required": ["partners", "pendingPairs"], "properties": {"pendingPairs": {"type": "integer"},
              "partners": {"type": "array", "items": {"type": "object", "required": ["partner", "individuals", "links"], "properties": {
                "partner": {"type": "string"}, "title": {"type": "string", "nullable": true}, "individualCount": {"type": "integer"},
                "pendingPairs": {"type": "integer"}, "hasLinks": {"type": "boolean"},
                "individuals": {"type": "array", "items": {"type": "object", "required": ["partnerID", "qualifiedID", "chips", "candidates"], "properties": {
                  "partnerID": {"type": "string"}, "qualifiedID": {"type": "string"}, "theirSex": {"type": "string", "nullable": true},
                  "years": {"type": "string"}, "cells": {"type": "integer", "description": "grid cells the partner's package gives (never coordinates)"},
                  "chips": {"type": "array", "items": {"type": "object", "properties": {"chipID": {"type": "string"}, "side": {"type": "string"},
                    "src": {"type": "string"}}}},
                  "candidates": {"type": "array", "items": {"type": "object", "required": ["rank", "individualID", "score", "inliers"], "properties": {
                    "rank": {"type": "integer"}, "individualID": {"type": "string"}, "href": {"type": "string"}, "ourName": {"type": "string", "nullable": true},
                    "ourSex": {"type": "string", "nullable": true}, "score": {"type": "number"}, "inliers": {"type": "integer"}, "bar": {"type": "integer"},
                    "photos": {"type": "array", "items": {"type": "object", "properties": {"mediaID": {"type": "integer"}, "src": {"type": "string"},
                      "href": {"type": "string"}, "side": {"type": "string"}, "frameStyle": {"type": "string"}, "imgStyle": {"type": "string"}}}}}}}}}},
                "links": {"type": "array", "items": {"type": "object", "properties": {"qualifiedID": {"type": "string"}, "individualID": {"type": "string"},
                  "decidedBy": {"type": "string"}, "decidedAt": {"type": "string"}, "entryID": {"type": "integer", "nullable": true}}}}}}}}}}}}
        """
}
