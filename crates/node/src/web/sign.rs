//! `POST /api/sign-zome-call`: the node signs the msgpack-encoded `ZomeCallParams` the page
//! built with its agent's key, which never leaves the node's keystore, only for a page this
//! node served (the secret injected into it) and only for a call by this agent to this agent's
//! OVN cell.
//!
//! The conductor accepts only zome calls signed by the provenance's key, which the node's
//! keystore holds. The page builds the `ZomeCallParams` (msgpack, as `@holochain/client` itself
//! encodes them) and posts those bytes; the node decodes them to check the call, signs the
//! SHA-512 of exactly the posted bytes, and returns the 64-byte signature.

use super::{refuse, Site};
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use holochain::prelude::*;
use holochain_keystore::AgentPubKeyExt;
use std::sync::Arc;

/// The largest zome call this node signs, in bytes: Holochain's limit on one entry
/// (`ENTRY_SIZE_LIMIT`), since no call larger than that can write what it carries. The page is
/// told it (`window.__OVN_NODE__.maxCallBytes`) and checks before it asks.
pub const MAX_CALL_BYTES: usize = holochain::prelude::ENTRY_SIZE_LIMIT;

/// How much of an oversized body is read (and dropped) before the answer, so that a client
/// still sending reads the 413 instead of a reset connection: the app websocket's own limit on
/// one message.
const DRAINED_BYTES: usize = 64 << 20;

/// The signature over the call's bytes, or the refusal.
pub(super) async fn sign_zome_call(
    State(site): State<Arc<Site>>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    // Before a byte of the body is read: only this node's pages, and no announced size over
    // what is drained (another site's page may post here; it cannot know the secret).
    if let Err((status, message)) = from_this_page(&site, &headers) {
        return refuse(status, message);
    }
    let announced = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|length| length.to_str().ok()?.parse::<usize>().ok());
    if let Some(size) = announced.filter(|&size| size > DRAINED_BYTES) {
        return refuse(StatusCode::PAYLOAD_TOO_LARGE, too_large(size, ""));
    }
    let body = match read_body(body).await {
        Ok(body) => body,
        Err((status, message)) => return refuse(status, message),
    };
    let params = match allowed(&site, &body) {
        Ok(params) => params,
        Err((status, message)) => return refuse(status, message),
    };
    // The conductor verifies the signature over the SHA-512 of exactly these bytes.
    let digest: Arc<[u8]> = holo_hash::encode::sha2_512(&body).into();
    match params
        .provenance
        .sign_raw(site.agent.conductor.keystore(), digest)
        .await
    {
        Ok(signature) => (
            [(header::CONTENT_TYPE, "application/octet-stream")],
            signature.0.to_vec(),
        )
            .into_response(),
        Err(error) => refuse(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("the keystore did not sign: {error}"),
        ),
    }
}

/// The whole body when it is at most [`MAX_CALL_BYTES`]; else a 413 that names the limit and
/// the size, once the body is read to its end (up to [`DRAINED_BYTES`]).
async fn read_body(body: Body) -> Result<Bytes, (StatusCode, String)> {
    let mut stream = body.into_data_stream();
    let mut kept = Vec::new();
    let mut size = 0usize;
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|error| {
            (
                StatusCode::BAD_REQUEST,
                format!("the request's body could not be read: {error}"),
            )
        })?;
        size += chunk.len();
        if size <= MAX_CALL_BYTES {
            kept.extend_from_slice(&chunk);
        } else if size > DRAINED_BYTES {
            break;
        }
    }
    if size > MAX_CALL_BYTES {
        let at_least = if size > DRAINED_BYTES { "over " } else { "" };
        return Err((StatusCode::PAYLOAD_TOO_LARGE, too_large(size, at_least)));
    }
    Ok(kept.into())
}

/// The 413's message: the call's size and the limit.
fn too_large(size: usize, at_least: &str) -> String {
    format!(
        "this zome call is {at_least}{}, over the {} limit on one call (Holochain's limit on \
         one entry): send less in one call",
        megabytes(size),
        megabytes(MAX_CALL_BYTES)
    )
}

/// `bytes` as megabytes, one decimal: "4.0 MB".
fn megabytes(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

/// Whether the request carries this page's secret; else the refusal.
fn from_this_page(site: &Site, headers: &HeaderMap) -> Result<(), (StatusCode, String)> {
    let secret = headers
        .get("x-ovn-secret")
        .and_then(|secret| secret.to_str().ok());
    if secret != Some(site.secret.as_str()) {
        return Err((
            StatusCode::FORBIDDEN,
            "missing or wrong x-ovn-secret: only a page served by this node may ask it to sign"
                .into(),
        ));
    }
    Ok(())
}

/// The call's params, if the call is by this node's agent to its OVN cell; else the status and
/// message that refuse it.
fn allowed(site: &Site, body: &[u8]) -> Result<ZomeCallParams, (StatusCode, String)> {
    let params: ZomeCallParams = holochain_serialized_bytes::decode(body).map_err(|error| {
        (
            StatusCode::BAD_REQUEST,
            format!("the body is not msgpack-encoded zome call params: {error}"),
        )
    })?;
    if params.provenance != site.agent.agent_key {
        return Err((
            StatusCode::FORBIDDEN,
            format!(
                "this node signs only for its agent {}",
                site.agent.agent_key
            ),
        ));
    }
    if params.cell_id != site.agent.cell_id {
        return Err((
            StatusCode::FORBIDDEN,
            "this node signs only calls to its agent's OVN cell".into(),
        ));
    }
    Ok(params)
}
