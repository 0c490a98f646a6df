//! The serde visitors behind [`super::bundle_from_json`]: one for the top-level object, one (generic
//! over the element decoder) for the two big arrays. Both are driven by `deserialize_any` and
//! answer a number with a plain error: serde_json's typed entry points (`deserialize_map`) and the
//! default `visit_f64` describe a wrong type with the number formatted as a float, which brings
//! core's float formatting (~14 KB gzip) into the wasm.

use std::fmt;

use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::Obj;
use super::content::{article, flow};
use crate::content::Article;
use crate::flow::Flow;

/// The visits `deserialize_any` may make besides the one a visitor wants, each answered with a
/// plain error. serde's defaults build an `invalid_type` error whose `Unexpected` formatting
/// includes floats, which would bring core's float formatting (~14 KB gzip) into the wasm.
macro_rules! refuse_other_types {
    () => {
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Err(E::custom("wrong type"))
        }
        fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Err(E::custom("wrong type"))
        }
        fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Err(E::custom("wrong type"))
        }
        fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Err(E::custom("wrong type"))
        }
        fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Err(E::custom("wrong type"))
        }
        fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Err(E::custom("wrong type"))
        }
    };
}

/// The small members as values, and the decoded arrays (`None` inside: an element that is not
/// an article or flow; `None` outside: the member is missing).
pub type Parts = Option<(Obj, Option<Vec<Article>>, Option<Vec<Flow>>)>;

pub struct BundleVisitor;

impl<'de> Visitor<'de> for BundleVisitor {
    type Value = Parts;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a content bundle")
    }

    refuse_other_types!();

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<Parts, A::Error> {
        Err(serde::de::Error::custom("wrong type"))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Parts, A::Error> {
        let (mut top, mut articles, mut flows) = (Obj::new(), None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "articles" => articles = Some(map.next_value_seed(List(article))?),
                "flows" => flows = Some(map.next_value_seed(List(flow))?),
                _ => {
                    let value = map.next_value::<Value>()?;
                    top.insert(key, value);
                }
            }
        }
        // An array with an element that is not one: the bundle is not one either.
        let articles = match articles {
            Some(None) => return Ok(None),
            a => a.flatten(),
        };
        let flows = match flows {
            Some(None) => return Ok(None),
            f => f.flatten(),
        };
        Ok(Some((top, articles, flows)))
    }
}

/// An array decoded element by element with `self.0`.
struct List<T>(fn(&Value) -> Option<T>);

impl<'de, T> DeserializeSeed<'de> for List<T> {
    type Value = Option<Vec<T>>;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, T> Visitor<'de> for List<T> {
    type Value = Option<Vec<T>>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array")
    }

    refuse_other_types!();

    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
        Err(serde::de::Error::custom("wrong type"))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        let mut ok = true;
        while let Some(v) = seq.next_element::<Value>()? {
            match (self.0)(&v) {
                Some(x) if ok => out.push(x),
                _ => ok = false,
            }
        }
        Ok(ok.then_some(out))
    }
}
