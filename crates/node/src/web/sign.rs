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
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use holochain::prelude::*;
use holochain_keystore::AgentPubKeyExt;
use std::sync::Arc;

/// The signature over the call's bytes, or the refusal.
pub(super) async fn sign_zome_call(
    State(site): State<Arc<Site>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let params = match allowed(&site, &headers, &body) {
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

/// The call's params, if the request carries this page's secret and the call is by this
/// node's agent to its OVN cell; else the status and message that refuse it.
fn allowed(
    site: &Site,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<ZomeCallParams, (StatusCode, String)> {
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
