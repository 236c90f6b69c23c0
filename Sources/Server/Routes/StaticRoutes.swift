import Hummingbird

/// `/static/{name}`: the stylesheet and scripts shipped with the server (a fixed list read at start).
struct StaticRoutes {
    let app: WebApp

    func register(on router: Router<WebContext>) {
        router.get("/static/:name") { _, context in
            guard let name = context.parameters.get("name"), let file = app.statics.files[name] else {
                throw WebError.notFound(what: "The file")
            }
            var headers = HTTPFields()
            headers[.contentType] = file.type
            headers[.cacheControl] = "public, max-age=300"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
        }
    }
}
